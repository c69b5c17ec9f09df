import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { Account } from '../src/api/types';
import { format } from '../src/i18n';
import { ClosedStep, ExitDialog } from '../src/steps/exit';
import { SuccessStep } from '../src/steps/success';
import { BANK, collapsed, inWidgetFrame, messagesOf } from './support';

/** The last screens: connected, asked to confirm leaving, and left. */
const meta = {
  title: 'Steps/Success and exit',
  component: ExitDialog,
  decorators: [inWidgetFrame],
  parameters: { bank: BANK },
  args: { onStay: fn(), onLeave: fn() },
} satisfies Meta<typeof ExitDialog>;

export default meta;

type Story = StoryObj<typeof meta>;

const onContinue = fn();

/** An account as the bank sends it, with what the success screen reads: its title and number. */
function account(title: string, digits: string): Account {
  return {
    Id: `id-${digits}`,
    Title: title,
    AccountNumber: `00012-${digits}`,
    Category: 'Operations',
    Type: 'Chequing',
    Currency: 'CAD',
    Balance: { Current: 100 },
  } as Account;
}
const onStartAgain = fn();

/** One account connected: named with its last digits, and one way back to the partner. */
export const Connected: Story = {
  render: () => (
    <SuccessStep
      accounts={[account('Chequing', '4685')]}
      customerName="Acme Lending"
      onContinue={onContinue}
    />
  ),
  play: async ({ canvas, userEvent, globals }) => {
    onContinue.mockClear();
    const m = messagesOf(globals).screens.success;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    // The bank's name for the account (its own language), its last digits, and where it is.
    const [, after] = format(m.oneAccount, { bank: BANK }).split('{account}');
    const line = canvas.getByText(
      (_, element) => element?.tagName === 'P' && (element.textContent ?? '').endsWith(after ?? '—'),
    );
    await expect(line).toBeVisible();
    await expect(line).toHaveTextContent(/^Chequing ••.*4685/);
    const buttons = canvas.getAllByRole('button');
    await expect(buttons).toHaveLength(1);
    await expect(buttons[0]).toHaveAccessibleName(format(m.continueTo, { customer: 'Acme Lending' }));
    await userEvent.click(buttons[0] as HTMLElement);
    await expect(onContinue).toHaveBeenCalledOnce();
  },
};

/** Several accounts, no partner named: the first ones named, the rest counted, and a plain "Done". */
export const ConnectedSeveral: Story = {
  render: () => (
    <SuccessStep
      accounts={[
        account('Chequing', '4685'),
        account('Savings', '1290'),
        account('TFSA', '7731'),
        account('Visa', '0042'),
      ]}
      onContinue={fn()}
    />
  ),
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.success;
    await expect(
      canvas.getByText(collapsed(format(m.severalAccounts, { count: 4, bank: BANK }))),
    ).toBeVisible();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(4);
    await expect(canvas.getByText(format(m.oneMore, { count: 1 }))).toBeVisible();
    await expect(canvas.getByRole('button', { name: m.done })).toBeVisible();
  },
};

export const LeaveWithoutConnecting: Story = {
  // Run in the dark theme too (the suite's dark subset).
  globals: { theme: 'dark' },
  render: (args) => <ExitDialog {...args} />,
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).screens.exit;
    const dialog = canvas.getByRole('dialog', { name: m.title });
    await expect(dialog).toHaveAccessibleDescription(collapsed(m.body));
    // The safe choice has focus; Tab stays inside the dialog; Escape means "stay".
    const stay = canvas.getByRole('button', { name: m.stay });
    const leave = canvas.getByRole('button', { name: m.leave });
    await expect(stay).toHaveFocus();
    await userEvent.tab();
    await expect(leave).toHaveFocus();
    await userEvent.tab();
    await expect(stay).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect(leave).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onStay).toHaveBeenCalledOnce();
    await expect(args.onLeave).not.toHaveBeenCalled();
  },
};

/** Cancelled: said plainly, and not a dead end. */
export const Left: Story = {
  render: () => <ClosedStep onStartAgain={onStartAgain} />,
  play: async ({ canvas, userEvent, globals }) => {
    onStartAgain.mockClear();
    const m = messagesOf(globals).screens.closed;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    await expect(canvas.getByText(collapsed(m.body))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: m.startAgain }));
    await expect(onStartAgain).toHaveBeenCalledOnce();
  },
};

/** Closed after success: the account is connected, whatever the close button did. */
export const LeftAfterSuccess: Story = {
  render: () => <ClosedStep outcome="connected" />,
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(
      canvas.getByRole('heading', { level: 2, name: m.screens.closed.connected.title }),
    ).toHaveFocus();
    await expect(canvas.queryByText(collapsed(m.screens.closed.body))).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: m.screens.closed.startAgain })).not.toBeInTheDocument();
  },
};

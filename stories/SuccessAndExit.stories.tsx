import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
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

export const Connected: Story = {
  render: () => <SuccessStep />,
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.success;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    await expect(canvas.getByText(collapsed(format(m.body, { bank: BANK })))).toBeVisible();
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

export const Left: Story = {
  render: () => <ClosedStep />,
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).ui.closed;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    await expect(canvas.getByText(collapsed(m.body))).toBeVisible();
  },
};

/** Closed after success: the account is connected, whatever the close button did. */
export const LeftAfterSuccess: Story = {
  render: () => <ClosedStep outcome="connected" />,
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).ui.closed;
    await expect(canvas.getByRole('heading', { level: 2, name: m.connected.title })).toHaveFocus();
    await expect(canvas.queryByText(collapsed(m.body))).not.toBeInTheDocument();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { format } from '../src/i18n';
import { AccountsStep } from '../src/steps/accounts';
import { ACCOUNTS, MANY_ACCOUNTS } from './fixtures';
import { BANK, collapsed, inWidgetFrame, messagesOf } from './support';

const meta = {
  title: 'Steps/Choose an account',
  component: AccountsStep,
  decorators: [inWidgetFrame],
  parameters: { bank: BANK },
  args: { accounts: ACCOUNTS, customerName: 'Acme Lending', onSelect: fn() },
} satisfies Meta<typeof AccountsStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const ThreeAccounts: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).screens.accounts;
    const title = format(m.title, { customer: 'Acme Lending' });
    await expect(canvas.getByRole('heading', { level: 2, name: title })).toHaveFocus();
    const group = canvas.getByRole('group', { name: format(m.legend, { bank: BANK }) });
    await expect(group).toBeVisible();
    await expect(canvas.getAllByRole('radio')).toHaveLength(ACCOUNTS.length);
    const savings = ACCOUNTS[1];
    if (!savings) throw new Error('fixture');
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`^${savings.Title}`) }));
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
    await expect(args.onSelect).toHaveBeenCalledWith(savings.Id);
  },
};

export const NoneChosen: Story = {
  // Run in French and the dark theme too (the suite's subset of both).
  globals: { language: 'fr', theme: 'dark' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).screens.accounts;
    await userEvent.click(canvas.getByRole('button', { name: m.submit }));
    await expect(args.onSelect).not.toHaveBeenCalled();
    await expect(canvas.getByRole('alert')).toHaveTextContent(collapsed(m.required));
    await expect(canvas.getByRole('group')).toHaveAccessibleDescription(collapsed(m.required));
  },
};

export const WithoutCustomerName: Story = {
  args: { customerName: null },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.accounts;
    await expect(canvas.getByRole('heading', { level: 2, name: m.titleAnonymous })).toBeVisible();
  },
};

/** `accountSelectorMultiple`: checkboxes, "select all" on a long list, every choice sent at once. */
export const SeveralAccounts: Story = {
  args: { accounts: MANY_ACCOUNTS, onSelectMany: fn() },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).options.accounts;
    const title = format(m.title, { customer: 'Acme Lending' });
    await expect(canvas.getByRole('heading', { level: 2, name: title })).toHaveFocus();
    const all = canvas.getByRole('checkbox', { name: m.selectAll });
    await expect(canvas.getAllByRole('checkbox')).toHaveLength(MANY_ACCOUNTS.length + 1);
    // Keyboard only from "select all": Space, Tab twice, Space on the second account to leave it out, Enter.
    all.focus();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(all).toBePartiallyChecked();
    await userEvent.keyboard('{Enter}');
    const [first, , ...rest] = MANY_ACCOUNTS;
    await expect(args.onSelectMany).toHaveBeenCalledWith([first?.Id, ...rest.map((account) => account.Id)]);
    await expect(args.onSelect).not.toHaveBeenCalled();
  },
};

/** The same in French, nothing chosen: the error is tied to the group. */
export const SeveralAccountsNoneChosen: Story = {
  globals: { language: 'fr' },
  args: { accounts: MANY_ACCOUNTS, onSelectMany: fn() },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).options.accounts;
    const title = format(m.title, { customer: 'Acme Lending' });
    await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: messagesOf(globals).screens.accounts.submit }));
    await expect(args.onSelectMany).not.toHaveBeenCalled();
    await expect(canvas.getByRole('alert')).toHaveTextContent(collapsed(m.required));
    await expect(canvas.getByRole('group')).toHaveAccessibleDescription(collapsed(m.required));
  },
};

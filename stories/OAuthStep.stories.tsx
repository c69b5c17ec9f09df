import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { format, TextTokens } from '../src/i18n';
import { OAuthStep } from '../src/steps/oauth';
import { collapsed, inWidgetFrame, messagesOf } from './support';

/**
 * An OAuth bank's hand-off (CONTRACT §8): the person signs in on the bank's own page, never in our form. The sandbox's
 * "Flinks Capital (OAuth)" of the bank list; the widget names it in sentences without its qualifier.
 */
const BANK = 'Flinks Capital';

const withBank: Decorator = (Story) => (
  <TextTokens bank={BANK}>
    <Story />
  </TextTokens>
);

const meta = {
  title: 'Steps/OAuth',
  component: OAuthStep,
  decorators: [withBank, inWidgetFrame],
  args: { phase: 'ready', wholeWindow: false, onOpenBank: fn() },
} satisfies Meta<typeof OAuthStep>;

export default meta;

type Story = StoryObj<typeof meta>;

const withName = (template: string) => collapsed(format(template, { bank: BANK }));

/** The bank is preset: nothing opens before the person's click. */
export const Ready: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).oauth;
    await expect(canvas.getByRole('heading', { level: 2, name: withName(m.readyTitle) })).toHaveFocus();
    await expect(canvas.queryByLabelText(messagesOf(globals).ui.credentials.password)).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: withName(m.continue) }));
    await expect(args.onOpenBank).toHaveBeenCalledOnce();
  },
};

/** The browser blocked the popup (POPUP_BLOCKED): one button opens it from the person's click. */
export const Blocked: Story = {
  globals: { language: 'fr' },
  args: { phase: 'blocked' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).oauth;
    await expect(canvas.getByRole('heading', { name: withName(m.blockedTitle) })).toHaveFocus();
    await expect(canvas.getByText(withName(m.blockedBody))).toBeVisible();
    await userEvent.keyboard('{Tab}{Enter}');
    await expect(args.onOpenBank).toHaveBeenCalledOnce();
  },
};

/** The same in English: the suite's French run pins `Blocked` to French, so this one keeps English checked too. */
export const BlockedInEnglish: Story = {
  ...Blocked,
  globals: { language: 'en' },
};

/** The bank's page is open in its popup: a spinner says the widget waits; the primary button reopens the page. */
export const Waiting: Story = {
  args: { phase: 'waiting' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).oauth;
    await expect(canvas.getByRole('heading', { name: withName(m.waitingTitle) })).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent(withName(m.waitingStatus));
    await userEvent.click(canvas.getByRole('button', { name: withName(m.reopen) }));
    await expect(args.onOpenBank).toHaveBeenCalledOnce();
  },
};

/** `oauthWindowRedirect`: the whole window goes to the bank. */
export const LeavingForTheBank: Story = {
  args: { phase: 'opening', wholeWindow: true },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).oauth;
    await expect(canvas.getByRole('heading', { name: withName(m.leavingTitle) })).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent(withName(m.leavingBody));
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Back from the bank in the whole window: the outcome is being collected. */
export const Finishing: Story = {
  args: { phase: 'finishing', wholeWindow: true },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).oauth;
    await expect(canvas.getByRole('heading', { name: withName(m.finishingTitle) })).toHaveFocus();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { format, TextTokens } from '../src/i18n';
import { CredentialsStep } from '../src/steps/credentials';
import { BANK, BANK_WITH_WEBSITE, inWidgetFrame, languageOf, messagesOf } from './support';

const meta = {
  title: 'Steps/Sign in',
  component: CredentialsStep,
  decorators: [inWidgetFrame],
  parameters: { bank: BANK },
  args: {
    bankWebsite: null,
    defaultUsername: '',
    error: null,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CredentialsStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.credentials;
    await expect(
      canvas.getByRole('heading', { level: 2, name: format(m.title, { bank: BANK }) }),
    ).toHaveFocus();
    const username = canvas.getByRole('textbox', { name: m.username });
    const password = canvas.getByLabelText(m.password);
    // CONTRACT §5: password managers and autofill find the right fields.
    await expect(username).toHaveAttribute('autocomplete', 'username');
    await expect(password).toHaveAttribute('autocomplete', 'current-password');
    await expect(password).toHaveAttribute('type', 'password');
    await expect(canvas.queryByRole('link')).not.toBeInTheDocument();
    await userEvent.type(username, 'Greatday');
    await userEvent.type(password, 'Everyday{Enter}');
    await expect(args.onSubmit).toHaveBeenCalledOnce();
    await expect(args.onSubmit).toHaveBeenCalledWith({ username: 'Greatday', password: 'Everyday' });
  },
};

export const NothingEntered: Story = {
  // Run in the dark theme too (the suite's dark subset).
  globals: { theme: 'dark' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.credentials;
    await userEvent.click(canvas.getByRole('button', { name: m.submit }));
    await expect(args.onSubmit).not.toHaveBeenCalled();
    const username = canvas.getByRole('textbox', { name: m.username });
    await expect(username).toBeInvalid();
    await expect(username).toHaveAccessibleDescription(m.required.username);
    await expect(username).toHaveFocus();
    const password = canvas.getByLabelText(m.password);
    await expect(password).toBeInvalid();
    await expect(password).toHaveAccessibleDescription(m.required.password);
  },
};

export const ShowPassword: Story = {
  args: { defaultUsername: 'Greatday' },
  play: async ({ canvas, userEvent, globals }) => {
    const m = messagesOf(globals).ui.credentials;
    const password = canvas.getByLabelText(m.password);
    await userEvent.type(password, 'Everyday');
    const toggle = canvas.getByRole('button', { name: m.showPassword });
    // Its words start on the form's column, where the field and its label start, in either language (within the
    // button's 1px border; the review found them 19px in).
    const words = document.createRange();
    words.selectNodeContents(toggle);
    const offset = words.getBoundingClientRect().left - password.getBoundingClientRect().left;
    await expect(Math.abs(offset)).toBeLessThanOrEqual(1);
    await userEvent.click(toggle);
    await expect(toggle).toHaveAccessibleName(m.hidePassword);
    await expect(password).toHaveAttribute('type', 'text');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAccessibleName(m.showPassword);
    await expect(password).toHaveAttribute('type', 'password');
  },
};

/** A real bank: the "forgot password" link goes to its website, in a new tab. */
export const BankWithWebsite: Story = {
  render: (args, { globals }) => (
    <TextTokens bank={BANK_WITH_WEBSITE.name[languageOf(globals)]}>
      <CredentialsStep {...args} bankWebsite={BANK_WITH_WEBSITE.website} />
    </TextTokens>
  ),
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    const link = canvas.getByRole('link', {
      name: (name) => name.startsWith(m.ui.credentials.forgotPassword),
    });
    await expect(link).toHaveAttribute('href', BANK_WITH_WEBSITE.website);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAccessibleName(
      `${m.ui.credentials.forgotPassword} ${m.ui.widget.opensInNewTab}`,
    );
  },
};

/** The bank refused the password, and one more refusal reaches `maximumRetry`: the alert warns before the last try. */
export const LastTryBeforeLockOut: Story = {
  args: {
    defaultUsername: 'Greatday',
    error: { code: 'INVALID_PASSWORD', field: 'password', variant: null, lastTry: true },
    requestId: '42be061d-77aa-4d1e-9c1b-0f9d1e2a3b4c',
  },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.credentials;
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(format(m.lastTry, { bank: BANK }));
  },
};

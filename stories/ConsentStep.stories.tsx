import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { format } from '../src/i18n';
import { ConsentStep } from '../src/steps/consent';
import { collapsed, inWidgetFrame, messagesOf } from './support';

const CUSTOMER = 'Acme Lending';

const meta = {
  title: 'Steps/Consent',
  component: ConsentStep,
  decorators: [inWidgetFrame],
  args: { customerName: CUSTOMER, onAccept: fn(), onDeny: fn() },
} satisfies Meta<typeof ConsentStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const NamedCustomer: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.consent;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    await expect(canvas.getByText(collapsed(format(m.intro, { customer: CUSTOMER })))).toBeVisible();
    await expect(canvas.getByRole('heading', { level: 3, name: m.sharedHeading })).toBeVisible();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(4);
    await userEvent.click(canvas.getByRole('button', { name: m.accept }));
    await expect(args.onAccept).toHaveBeenCalledOnce();
    await expect(args.onDeny).not.toHaveBeenCalled();
  },
};

export const WithoutCustomerName: Story = {
  // Run in French too (the suite's French subset).
  globals: { language: 'fr' },
  args: { customerName: null },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.consent;
    await expect(canvas.getByText(collapsed(m.introAnonymous))).toBeVisible();
    await expect(canvas.getByText(collapsed(m.notSharedAnonymous))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: m.deny }));
    await expect(args.onDeny).toHaveBeenCalledOnce();
  },
};

const TERMS_URL = 'https://lender.example/terms';

/** `termsUrl`: the partner's terms, linked in a new tab; agreeing accepts them too. */
export const WithTerms: Story = {
  args: { termsUrl: TERMS_URL, onOpenTerms: fn() },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui;
    // Whose terms: the partner's, by name.
    const note = format(m.consent.termsNote, { customer: CUSTOMER });
    await expect(canvas.getByText(collapsed(note), { exact: false })).toBeVisible();
    const link = canvas.getByRole('link', { name: `${m.consent.terms} ${m.widget.opensInNewTab}` });
    await expect(link).toHaveAttribute('href', TERMS_URL);
    await expect(link).toHaveAttribute('target', '_blank');
    link.addEventListener('click', (event) => event.preventDefault());
    await userEvent.click(link);
    await expect(args.onOpenTerms).toHaveBeenCalledOnce();
  },
};

export const WithTermsInFrench: Story = {
  ...WithTerms,
  globals: { language: 'fr' },
};

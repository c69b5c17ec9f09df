import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import type { FlinksCode } from '../src/api/codes';
import type { SecurityResponses } from '../src/api/types';
import { type GuidanceVariant } from '../src/guidance';
import { guidanceText, referenceText } from '../src/i18n';
import { format, useLanguage, useMessages } from '../src/i18n';
import { MfaStep, type MfaStepProps } from '../src/steps/mfa';
import { titleAndBody } from '../src/ui';
import {
  CITY,
  COUNTRY,
  FINGERPRINT,
  IMAGES,
  IMAGES_ONE_REFUSED,
  ONE_TIME_CODE,
  OWNED,
  PHONES,
  SHAPE,
  STREETS,
  TEXT_OR_CALL,
  TRIANGLE_PNG,
} from './fixtures';
import { BANK, REQUEST_ID, collapsed, inWidgetFrame, languageOf, messagesOf } from './support';

/** The screen with the bank's message about the last answer, in the toolbar's language. */
function MfaStepAfterRefusal({
  code,
  variant,
  ...props
}: MfaStepProps & { code: FlinksCode; variant?: GuidanceVariant }) {
  const m = useMessages();
  const language = useLanguage();
  const { title, body } = guidanceText(code, m, { language, bank: BANK, variant });
  // Worded as the widget words it (ConnectWidget's MFA view), with the reference for support under it.
  const reference = referenceText(REQUEST_ID, m);
  return <MfaStep {...props} error={{ code, message: titleAndBody(title, body), reference }} />;
}

/** What the alert says after the bank refused an answer, in the story's language. */
function refusalIn(globals: Record<string, unknown>, code: FlinksCode, variant?: GuidanceVariant): string {
  const { title, body } = guidanceText(code, messagesOf(globals), {
    language: languageOf(globals),
    bank: BANK,
    variant,
  });
  return titleAndBody(title, body);
}

/** The screen sent one answer set, exactly this one. */
async function expectSentOnce(onSubmit: MfaStepProps['onSubmit'], responses: SecurityResponses) {
  await expect(onSubmit).toHaveBeenCalledOnce();
  await expect(onSubmit).toHaveBeenCalledWith(responses);
}

const meta = {
  title: 'Steps/Security check (MFA)',
  component: MfaStep,
  decorators: [inWidgetFrame],
  parameters: { bank: BANK },
  args: {
    challenges: [CITY.challenge],
    // The fixtures are the bank's own words, in English: on a French screen they are marked as such.
    bankLanguage: 'en',
    round: 1,
    expectsOneTimeCode: false,
    error: null,
    pending: false,
    secondsLeft: null,
    onSubmit: fn(),
    onBack: fn(),
  },
} satisfies Meta<typeof MfaStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const OneQuestion: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    const heading = canvas.getByRole('heading', { level: 2, name: format(m.mfa.title, { bank: BANK }) });
    await expect(heading).toHaveFocus();
    await userEvent.type(
      canvas.getByRole('textbox', { name: CITY.challenge.Prompt }),
      `${CITY.answer}{Enter}`,
    );
    await expectSentOnce(args.onSubmit, { [CITY.challenge.Prompt]: [CITY.answer] });
  },
};

export const SeveralQuestions: Story = {
  args: { challenges: [CITY.challenge, COUNTRY.challenge, SHAPE.challenge] },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    await userEvent.type(canvas.getByRole('textbox', { name: CITY.challenge.Prompt }), CITY.answer);
    await userEvent.type(canvas.getByRole('textbox', { name: COUNTRY.challenge.Prompt }), COUNTRY.answer);
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));

    // One answer is missing: nothing is sent, the empty field is marked, named and focused.
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await expect(canvas.getByRole('alert')).toHaveTextContent(collapsed(m.mfa.required.summary));
    const shape = canvas.getByRole('textbox', { name: SHAPE.challenge.Prompt });
    await expect(shape).toBeInvalid();
    await expect(shape).toHaveAccessibleDescription(m.mfa.required.text);
    await waitFor(() => expect(shape).toHaveFocus());

    await userEvent.type(shape, `${SHAPE.answer}{Enter}`);
    await expectSentOnce(args.onSubmit, {
      [CITY.challenge.Prompt]: [CITY.answer],
      [COUNTRY.challenge.Prompt]: [COUNTRY.answer],
      [SHAPE.challenge.Prompt]: [SHAPE.answer],
    });
  },
};

export const NothingAnswered: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));
    await expect(args.onSubmit).not.toHaveBeenCalled();
    const answer = canvas.getByRole('textbox', { name: CITY.challenge.Prompt });
    await expect(answer).toBeInvalid();
    await expect(answer).toHaveAccessibleDescription(m.mfa.required.text);
  },
};

export const NextRound: Story = {
  args: { challenges: [COUNTRY.challenge], round: 2 },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByText(collapsed(format(m.mfa.introNextRound, { bank: BANK })))).toBeVisible();
  },
};

export const MultipleChoice: Story = {
  args: { challenges: [STREETS] },
  play: async ({ canvas, userEvent, args }) => {
    const group = canvas.getByRole('group', { name: STREETS.Prompt });
    await expect(group).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: 'Rue Sherbrooke' }));
    await userEvent.keyboard('{Enter}');
    await expectSentOnce(args.onSubmit, { [STREETS.Prompt]: ['Rue Sherbrooke'] });
  },
};

export const SeveralAnswers: Story = {
  args: { challenges: [OWNED] },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('group', { name: OWNED.Prompt })).toHaveAccessibleDescription(
      m.mfa.chooseAll,
    );
    await userEvent.click(canvas.getByRole('checkbox', { name: 'A bicycle' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'A canoe' }));
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));
    await expectSentOnce(args.onSubmit, { [OWNED.Prompt]: ['A bicycle', 'A canoe'] });
  },
};

export const TextOrCall: Story = {
  args: { challenges: [TEXT_OR_CALL] },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('radio', { name: m.mfa.delivery.text })).not.toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: format(m.mfa.maskedPhone, { digits: '42' }) }));
    await userEvent.click(canvas.getByRole('radio', { name: m.mfa.delivery.text }));
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));
    // Flinks keys this answer by the chosen phone number, not by the prompt.
    await expectSentOnce(args.onSubmit, { [PHONES[0]]: ['Text'] });
  },
};

export const OneTimeCode: Story = {
  args: { challenges: [ONE_TIME_CODE.challenge], round: 2, expectsOneTimeCode: true },
  play: async ({ canvas, userEvent, args }) => {
    const code = canvas.getByRole('textbox', { name: ONE_TIME_CODE.challenge.Prompt });
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(code).toHaveAttribute('inputmode', 'numeric');
    await userEvent.type(code, `${ONE_TIME_CODE.answer}{Enter}`);
    await expectSentOnce(args.onSubmit, {
      [ONE_TIME_CODE.challenge.Prompt]: [ONE_TIME_CODE.answer],
    });
  },
};

export const Images: Story = {
  args: { challenges: [IMAGES] },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    const tiles = canvas.getAllByRole('radio');
    await expect(tiles).toHaveLength(3);
    await userEvent.click(
      canvas.getByRole('radio', { name: format(m.mfa.image.label, { position: 2, total: 3 }) }),
    );
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));
    await expectSentOnce(args.onSubmit, { [IMAGES.Prompt]: [TRIANGLE_PNG] });
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const ImagesWithOneRefused: Story = {
  args: { challenges: [IMAGES_ONE_REFUSED] },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    // The SVG is never shown: two tiles, and a note that says some images were left out.
    await expect(canvas.getAllByRole('radio')).toHaveLength(2);
    // …and, as the bank sent no descriptions, that the check needs sight: both describe the group.
    await expect(canvas.getByRole('group', { name: IMAGES_ONE_REFUSED.Prompt })).toHaveAccessibleDescription(
      expect.stringMatching(
        new RegExp(`^${escapeRegExp(format(m.mfa.image.someHidden, { bank: BANK }))} \\S`),
      ),
    );
    await expect(canvas.getByText(collapsed(format(m.mfa.image.needsSight, { bank: BANK })))).toBeVisible();
    await userEvent.click(
      canvas.getByRole('radio', { name: format(m.mfa.image.label, { position: 2, total: 2 }) }),
    );
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.continue }));
    await expectSentOnce(args.onSubmit, {
      [IMAGES_ONE_REFUSED.Prompt]: [TRIANGLE_PNG],
    });
  },
};

export const UnknownChallengeType: Story = {
  args: { challenges: [FINGERPRINT], bankWebsite: 'https://bank.example/' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    const heading = canvas.getByRole('heading', { name: format(m.mfa.unsupported.title, { bank: BANK }) });
    await expect(heading).toHaveFocus();
    await expect(canvas.queryByRole('textbox')).not.toBeInTheDocument();
    // The screen says to finish on the bank's website: its link comes first, Back second.
    const site = canvas.getByRole('link', {
      name: (name) => name.startsWith(format(m.guidance.actions.openBankSite, { bank: BANK })),
    });
    await expect(site).toHaveAttribute('href', 'https://bank.example/');
    await expect(site).toHaveAttribute('target', '_blank');
    await userEvent.click(canvas.getByRole('button', { name: m.mfa.back }));
    await expect(args.onBack).toHaveBeenCalledOnce();
  },
};

export const Sending: Story = {
  args: { pending: true },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(m.mfa.sending));
    const submit = canvas.getByRole('button', { name: m.mfa.continue });
    await expect(submit).toHaveAttribute('aria-busy', 'true');
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('textbox', { name: CITY.challenge.Prompt })).toHaveAttribute('readonly');
    await userEvent.click(submit);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const AnswerRefused: Story = {
  render: (args) => <MfaStepAfterRefusal {...args} code="INVALID_SECURITY_RESPONSE" />,
  play: async ({ canvas, globals }) => {
    const message = refusalIn(globals, 'INVALID_SECURITY_RESPONSE');
    await expect(canvas.getByRole('alert')).toHaveTextContent(collapsed(message));
    const answer = canvas.getByRole('textbox', { name: CITY.challenge.Prompt });
    await expect(answer).toBeInvalid();
    // Its error message, as on the sign-in form: tied to the answer, not read a second time after the alert.
    await expect(answer).toHaveAccessibleErrorMessage(message);
  },
};

export const LastTry: Story = {
  render: (args) => <MfaStepAfterRefusal {...args} code="INVALID_SECURITY_RESPONSE" variant="lastTry" />,
  play: async ({ canvas, globals }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      collapsed(refusalIn(globals, 'INVALID_SECURITY_RESPONSE', 'lastTry')),
    );
  },
};

export const QuestionChanged: Story = {
  args: { challenges: [SHAPE.challenge] },
  render: (args) => <MfaStepAfterRefusal {...args} code="UNKNOWN_CHALLENGE_KEY" />,
  play: async ({ canvas, globals }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      collapsed(refusalIn(globals, 'UNKNOWN_CHALLENGE_KEY')),
    );
  },
};

export const TimeLeft: Story = {
  args: { secondsLeft: 95 },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('timer')).toHaveTextContent(
      collapsed(format(m.mfa.timer.left, { time: '1:35' })),
    );
    await expect(canvas.getByText(collapsed(m.mfa.timer.underTwoMinutes))).toBeInTheDocument();
  },
};

export const TimeAlmostUp: Story = {
  // Run in French too (the suite's French subset).
  globals: { language: 'fr' },
  args: { secondsLeft: 20 },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('timer')).toHaveTextContent(
      collapsed(format(m.mfa.timer.left, { time: '0:20' })),
    );
    await expect(canvas.getByText(collapsed(m.mfa.timer.underThirtySeconds))).toBeInTheDocument();
  },
};

/** Enhanced MFA (`enhancedMFA`): every question the bank keeps for the login, saved for later refreshes. */
export const EnhancedMfa: Story = {
  args: {
    challenges: [CITY.challenge, COUNTRY.challenge, SHAPE.challenge],
    enhanced: { onSkip: fn() },
    onBack: undefined,
  },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).options.enhancedMfa;
    const heading = canvas.getByRole('heading', { level: 2, name: m.title });
    await expect(heading).toHaveFocus();
    await expect(canvas.getByText(collapsed(format(m.intro, { bank: BANK })))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: m.skip }));
    await expect(args.enhanced?.onSkip).toHaveBeenCalledOnce();
    for (const { challenge, answer } of [CITY, COUNTRY, SHAPE]) {
      await userEvent.type(canvas.getByLabelText(challenge.Prompt), answer);
    }
    await userEvent.click(canvas.getByRole('button', { name: m.save }));
    await expectSentOnce(args.onSubmit, {
      [CITY.challenge.Prompt]: [CITY.answer],
      [COUNTRY.challenge.Prompt]: [COUNTRY.answer],
      [SHAPE.challenge.Prompt]: [SHAPE.answer],
    });
  },
};

/** The same in French, without the right to skip. */
export const EnhancedMfaInFrench: Story = {
  globals: { language: 'fr' },
  args: { challenges: [CITY.challenge, COUNTRY.challenge], enhanced: {}, onBack: undefined },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).options.enhancedMfa;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: m.skip })).not.toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: m.save })).toBeVisible();
  },
};

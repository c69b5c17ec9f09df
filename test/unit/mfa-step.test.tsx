import { Profiler, StrictMode, useState } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SecurityChallenge, SecurityResponses } from '../../src/api/types';
import { I18nProvider, type Language } from '../../src/i18n';
import { MfaStep } from '../../src/steps/mfa';
import type { MfaStepProps } from '../../src/steps/mfa';

// The sandbox personas' challenges (CONTRACT §6).
const CITY = 'What city were you born in?';
const COUNTRY = 'What is the best country on earth?';
const SHAPE = 'What shape do people like most?';
const question = (prompt: string): SecurityChallenge => ({ Type: 'QuestionAndAnswer', Prompt: prompt });
const STREET: SecurityChallenge = {
  Type: 'MultipleChoice',
  Prompt: 'Which of these streets have you lived on?',
  Iterables: ['Rue Sherbrooke', 'Yonge Street', 'Robson Street', 'Portage Avenue'],
};
const OWNED: SecurityChallenge = {
  Type: 'MultipleChoiceMultipleAnswers',
  Prompt: 'Which of these have you owned?',
  Iterables: ['A bicycle', 'A sailboat', 'A canoe', 'A snowmobile'],
};
const TEXT_OR_CALL: SecurityChallenge = {
  Type: 'TextOrCall',
  Prompt: 'Where should we send your security code?',
  Iterables: ['(514) ***-**42', '(438) ***-**17'],
};
const CODE_PROMPT = 'We sent a security code by text message to (514) ***-**42. Enter the code.';
const FINGERPRINT: SecurityChallenge = {
  Type: 'FingerprintScan',
  Prompt: 'Touch the fingerprint reader on your registered device.',
};

/** A tiny PNG as Flinks sends it (raw base64): the signature, then a few bytes that tell the images apart. */
function png(marker: number): string {
  return btoa(
    String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, marker, marker),
  );
}
const CIRCLE = png(1);
const TRIANGLE = png(2);
const SQUARE = png(3);
const IMAGES: SecurityChallenge = {
  Type: 'ImageSelection',
  Prompt: 'Select the triangle.',
  Iterables: [CIRCLE, TRIANGLE, SQUARE],
};

const BANK = 'Flinks Capital';

function renderStep(overrides: Partial<MfaStepProps> = {}, language: Language = 'en') {
  const onSubmit = vi.fn<(responses: SecurityResponses) => void>();
  const props: MfaStepProps = {
    challenges: [question(CITY)],
    round: 1,
    expectsOneTimeCode: false,
    error: null,
    pending: false,
    secondsLeft: null,
    onSubmit,
    ...overrides,
  };
  const user = userEvent.setup();
  const view = render(
    <I18nProvider language={language} bank={BANK}>
      <MfaStep {...props} />
    </I18nProvider>,
  );
  const rerender = (next: Partial<MfaStepProps>) =>
    view.rerender(
      <I18nProvider language={language} bank={BANK}>
        <MfaStep {...props} {...next} />
      </I18nProvider>,
    );
  return { user, onSubmit, rerender };
}

describe('MfaStep: the screen', () => {
  it.each([
    ['en', 'Flinks Capital needs to confirm it’s you', 'Continue', 'Enter your answer.'],
    ['fr', 'Flinks Capital doit confirmer votre identité', 'Continuer', 'Entrez votre réponse.'],
  ] as const)(
    'in %s, names the bank in the focused heading and asks in words',
    async (language, title, submit, empty) => {
      const { user, onSubmit } = renderStep({}, language);

      const heading = screen.getByRole('heading', { level: 2, name: title });
      expect(heading).toHaveFocus();
      await user.click(screen.getByRole('button', { name: submit }));

      expect(onSubmit).not.toHaveBeenCalled();
      expect(screen.getByRole('textbox', { name: CITY })).toHaveAccessibleDescription(empty);
    },
  );

  it('works under StrictMode: focus on the heading, one submit per submit', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <I18nProvider language="en" bank={BANK}>
          <MfaStep
            challenges={[question(CITY)]}
            round={1}
            expectsOneTimeCode={false}
            error={null}
            pending={false}
            secondsLeft={null}
            onSubmit={onSubmit}
          />
        </I18nProvider>
      </StrictMode>,
    );

    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: CITY }), 'Montreal{Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('shows a prompt holding markup as text', () => {
    const prompt = '<script>window.hacked = true</script> What city were you born in?';
    renderStep({ challenges: [question(prompt)] });

    expect(screen.getByRole('textbox', { name: prompt })).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
  });

  it('says in words that a later round is another check, and focuses its heading', () => {
    const { rerender } = renderStep();
    expect(screen.getByText('Answer Flinks Capital’s question to continue.')).toBeInTheDocument();

    rerender({ round: 2, challenges: [question(COUNTRY)] });

    expect(
      screen.getByText('Flinks Capital has one more check before your account is connected.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
  });

  it('clears the answers when a new round arrives', async () => {
    const { user, rerender } = renderStep({ challenges: [question(CITY)] });
    await user.type(screen.getByRole('textbox', { name: CITY }), 'Montreal');

    rerender({ round: 2, challenges: [question(CITY)] });

    expect(screen.getByRole('textbox', { name: CITY })).toHaveValue('');
  });

  it.each([
    ['given', true],
    ['not given', false],
  ])('offers Back only when onBack is %s', async (_case, given) => {
    const onBack = vi.fn();
    const { user } = renderStep(given ? { onBack } : {});

    const back = screen.queryByRole('button', { name: 'Back' });
    if (!given) {
      expect(back).toBeNull();
      return;
    }
    await user.click(back!);
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});

describe('MfaStep: answers sent', () => {
  it('sends a trimmed typed answer on Enter', async () => {
    const { user, onSubmit } = renderStep();
    const answer = screen.getByRole('textbox', { name: CITY });
    expect(answer).toHaveAttribute('autocomplete', 'off');
    expect(answer).toHaveAttribute('spellcheck', 'false');

    await user.type(answer, '  Montreal {Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ [CITY]: ['Montreal'] });
  });

  it('asks the three questions of a round on one screen and sends them together', async () => {
    const { user, onSubmit } = renderStep({
      challenges: [question(CITY), question(COUNTRY), question(SHAPE)],
    });

    await user.click(screen.getByRole('textbox', { name: CITY }));
    await user.keyboard('Montreal');
    await user.tab();
    await user.keyboard('Canada');
    await user.tab();
    await user.keyboard('Triangle{Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      [CITY]: ['Montreal'],
      [COUNTRY]: ['Canada'],
      [SHAPE]: ['Triangle'],
    });
  });

  it('treats the code after a TextOrCall as a one-time code', async () => {
    const { user, onSubmit } = renderStep({
      challenges: [question(CODE_PROMPT)],
      expectsOneTimeCode: true,
      round: 2,
    });
    const code = screen.getByRole('textbox', { name: CODE_PROMPT });
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');

    await user.type(code, '123456{Enter}');

    expect(onSubmit).toHaveBeenCalledWith({ [CODE_PROMPT]: ['123456'] });
  });

  it('sends the chosen street of a MultipleChoice, chosen by keyboard', async () => {
    const { user, onSubmit } = renderStep({ challenges: [STREET] });
    const group = screen.getByRole('group', { name: STREET.Prompt });

    await user.click(within(group).getByRole('radio', { name: 'Yonge Street' }));
    await user.keyboard('{ArrowUp}');
    expect(within(group).getByRole('radio', { name: 'Rue Sherbrooke' })).toBeChecked();
    await user.keyboard('{Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ [STREET.Prompt]: ['Rue Sherbrooke'] });
  });

  it('renders a new-security-question reset (QuestionAndAnswer with Iterables) as choices', async () => {
    const reset: SecurityChallenge = {
      Type: 'QuestionAndAnswer',
      Prompt: 'Choose a new security question',
      Iterables: ['Name of your first pet?', 'Your first school?'],
    };
    const { user, onSubmit } = renderStep({ challenges: [reset] });

    await user.click(screen.getByRole('radio', { name: 'Your first school?' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).toHaveBeenCalledWith({ [reset.Prompt]: ['Your first school?'] });
  });

  it('sends every box checked in a MultipleChoiceMultipleAnswers', async () => {
    const { user, onSubmit } = renderStep({ challenges: [OWNED] });
    const group = screen.getByRole('group', { name: OWNED.Prompt });
    expect(group).toHaveAccessibleDescription('Choose all that apply.');

    await user.click(within(group).getByRole('checkbox', { name: 'A bicycle' }));
    await user.click(within(group).getByRole('checkbox', { name: 'A sailboat' }));
    await user.click(within(group).getByRole('checkbox', { name: 'A canoe' }));
    await user.click(within(group).getByRole('checkbox', { name: 'A sailboat' }));
    await user.keyboard('{Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ [OWNED.Prompt]: ['A bicycle', 'A canoe'] });
  });

  it.each([
    ['Text me', '(514) ***-**42', 'Number ending in 42', 'Text'],
    ['Call me', '(438) ***-**17', 'Number ending in 17', 'Call'],
  ])('keys a TextOrCall answer by the chosen phone (%s)', async (method, phone, name, expected) => {
    const { user, onSubmit } = renderStep({ challenges: [TEXT_OR_CALL] });
    const phones = screen.getByRole('group', { name: TEXT_OR_CALL.Prompt });
    // Two phones: nothing is chosen yet, neither a phone nor a way to send the code.
    for (const radio of screen.getAllByRole('radio')) expect(radio).not.toBeChecked();
    expect(within(phones).getByText(phone)).toHaveAttribute('aria-hidden', 'true');

    await user.click(within(phones).getByRole('radio', { name }));
    await user.click(screen.getByRole('radio', { name: method }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).toHaveBeenCalledWith({ [phone]: [expected] });
  });

  it('marks the bank’s English text lang="en" on a French screen, and only that text', () => {
    renderStep({ challenges: [question(CITY), TEXT_OR_CALL], bankLanguage: 'en' }, 'fr');
    const label = screen.getByText(CITY);
    expect(label).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('textbox', { name: CITY })).toBeInTheDocument();
    expect(screen.getByText(TEXT_OR_CALL.Prompt)).toHaveAttribute('lang', 'en');
    // The widget's own words stay in the screen's language.
    expect(screen.getByText('Envoyez-moi un texto')).not.toHaveAttribute('lang');
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveAttribute('lang');
  });

  it('does not mark the bank’s text when it is in the screen’s language or undeclared', () => {
    renderStep({ challenges: [question(CITY)], bankLanguage: 'en' }, 'en');
    expect(screen.getByText(CITY)).not.toHaveAttribute('lang');
  });

  it('says plainly that pictures without a description need sight, and names described ones by their words', () => {
    renderStep({ challenges: [IMAGES] });
    const group = screen.getByRole('group', { name: IMAGES.Prompt });
    const needsSight =
      'Flinks Capital sent these pictures without a description, so this check needs sight. If you can’t see them, go back and choose another bank, or call Flinks Capital.';
    expect(group).toHaveAccessibleDescription(needsSight);
    // Issue 25 item 20: that note reaches screen readers only; on screen, a short question opens the way out.
    expect(screen.getByText(needsSight)).toHaveClass('cw-visually-hidden');
    const cantSee = screen.getByText('Can’t see the images?');
    expect(cantSee.tagName).toBe('SUMMARY');
    expect(cantSee.closest('details')).toHaveTextContent(
      'Go back and choose another bank, or call Flinks Capital.',
    );
  });

  it('shows the images of an ImageSelection as numbered choices and sends the chosen original string', async () => {
    const { user, onSubmit } = renderStep({ challenges: [IMAGES] });
    const group = screen.getByRole('group', { name: IMAGES.Prompt });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    for (const name of ['Image 1 of 3', 'Image 2 of 3', 'Image 3 of 3']) {
      expect(within(group).getByRole('radio', { name })).not.toBeChecked();
    }
    expect(group.querySelectorAll('img')[1]).toHaveAttribute('src', `data:image/png;base64,${TRIANGLE}`);

    await user.click(within(group).getByRole('radio', { name: 'Image 2 of 3' }));
    await user.keyboard('{Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ [IMAGES.Prompt]: [TRIANGLE] });
  });

  it('leaves out images it cannot recognise, says so, and still maps the choice to the original', async () => {
    const svg = btoa('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const { user, onSubmit } = renderStep({
      challenges: [{ ...IMAGES, Iterables: [CIRCLE, svg, SQUARE] }],
    });

    expect(
      screen.getByText('Some of Flinks Capital’s images can’t be shown here. Choose from the ones below.'),
    ).toBeVisible();
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: 'Image 2 of 2' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).toHaveBeenCalledWith({ [IMAGES.Prompt]: [SQUARE] });
  });
});

describe('MfaStep: every answer is required', () => {
  it('marks each empty answer, announces it, focuses the first, and sends nothing', async () => {
    const { user, onSubmit } = renderStep({
      challenges: [question(CITY), question(COUNTRY), question(SHAPE)],
    });
    await user.type(screen.getByRole('textbox', { name: COUNTRY }), 'Canada');

    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Answer every question to continue.');
    const [city, country, shape] = [CITY, COUNTRY, SHAPE].map((name) =>
      screen.getByRole('textbox', { name }),
    );
    expect(city).toHaveFocus();
    expect(city).toHaveAttribute('aria-invalid', 'true');
    expect(city).toHaveAccessibleDescription('Enter your answer.');
    expect(shape).toHaveAttribute('aria-invalid', 'true');
    expect(country).not.toHaveAttribute('aria-invalid');
  });

  it('counts an answer of spaces as empty, and lifts the mark once the person types', async () => {
    const { user, onSubmit } = renderStep();
    const city = screen.getByRole('textbox', { name: CITY });

    await user.type(city, '   {Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(city).toHaveAttribute('aria-invalid', 'true');

    await user.type(city, 'Montreal');
    expect(city).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ [CITY]: ['Montreal'] });
  });

  it.each([
    ['a MultipleChoice', STREET, 'radio', 'Choose an answer.'],
    ['a MultipleChoiceMultipleAnswers', OWNED, 'checkbox', 'Choose at least one answer.'],
    ['a TextOrCall', TEXT_OR_CALL, 'radio', 'Choose a phone number.'],
    ['an ImageSelection', IMAGES, 'radio', 'Choose an image.'],
  ] as const)('asks for %s left empty on its first option', async (_case, challenge, role, message) => {
    const { user, onSubmit } = renderStep({ challenges: [challenge] });

    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).not.toHaveBeenCalled();
    const first = within(screen.getByRole('group', { name: challenge.Prompt })).getAllByRole(role)[0];
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(first).toHaveAccessibleDescription(message);
  });

  it('says it in French too: a summary over several questions, none over one', async () => {
    const { user } = renderStep({ challenges: [question(CITY), STREET] }, 'fr');

    await user.click(screen.getByRole('button', { name: 'Continuer' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Répondez à toutes les questions pour continuer.');
  });

  it('gives one question left empty its own message alone, no summary above it', async () => {
    const { user } = renderStep({ challenges: [STREET] }, 'fr');

    await user.click(screen.getByRole('button', { name: 'Continuer' }));

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio')[0]).toHaveAccessibleDescription('Choisissez une réponse.');
  });
});

describe('MfaStep: the bank refused the answer', () => {
  const refused = {
    code: 'INVALID_SECURITY_RESPONSE',
    message: "Flinks Capital didn't accept this answer.",
  } as const;

  it('ties the message to the first answer and announces it in one alert', () => {
    renderStep({ challenges: [question(CITY), question(COUNTRY)], error: { ...refused } });

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(refused.message);
    const city = screen.getByRole('textbox', { name: CITY });
    expect(city).toHaveAttribute('aria-invalid', 'true');
    // Its error message, as on the sign-in form: tied to the field without being read a second time.
    expect(city).toHaveAccessibleErrorMessage(refused.message);
    expect(city).not.toHaveAccessibleDescription(refused.message);
    expect(screen.getByRole('textbox', { name: COUNTRY })).not.toHaveAttribute('aria-invalid');
  });

  it('moves focus to the answer when the message arrives, and keeps one alert across renders', async () => {
    const { user, rerender } = renderStep({ challenges: [question(CITY)] });
    await user.type(screen.getByRole('textbox', { name: CITY }), 'Toronto');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    rerender({ challenges: [question(CITY)], pending: true });
    rerender({ challenges: [question(CITY)], error: { ...refused } });
    const alert = screen.getByRole('alert');
    rerender({ challenges: [question(CITY)], error: { ...refused } });

    expect(screen.getByRole('alert')).toBe(alert);
    expect(screen.getByRole('textbox', { name: CITY })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: CITY })).toHaveValue('Toronto');
  });

  it('hides the old message while the next answer is on its way', () => {
    renderStep({ error: { ...refused }, pending: true });

    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('MfaStep: while an answer is on its way', () => {
  function Harness({ onSubmit }: { onSubmit(responses: SecurityResponses): void }) {
    const [pending, setPending] = useState(false);
    return (
      <I18nProvider language="en" bank={BANK}>
        <MfaStep
          challenges={[question(CITY)]}
          round={1}
          expectsOneTimeCode={false}
          error={null}
          pending={pending}
          secondsLeft={null}
          onSubmit={(responses) => {
            onSubmit(responses);
            setPending(true);
          }}
        />
      </I18nProvider>
    );
  }

  it('sends once when Enter is pressed twice, and shows progress', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSubmit={onSubmit} />);

    await user.type(screen.getByRole('textbox', { name: CITY }), 'Montreal{Enter}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Sending your answer…');
    expect(screen.getByRole('textbox', { name: CITY })).toHaveAttribute('readonly');
  });

  it('sends once when a second press comes before React has drawn the first one’s progress', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(screen.getByRole('textbox', { name: CITY }), { target: { value: 'Montreal' } });
    const send = screen.getByRole('button', { name: 'Continue' });

    fireEvent.click(send);
    // The answers are checked in microtasks; React draws in a later task. Press again in between.
    for (let tick = 0; tick < 1_000 && onSubmit.mock.calls.length === 0; tick += 1) await Promise.resolve();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(send);
    await waitFor(() => expect(send).toHaveAttribute('aria-busy', 'true'));
    await new Promise((settle) => setTimeout(settle, 50));

    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('keeps a choice from changing', async () => {
    const { user } = renderStep({ challenges: [STREET], pending: true });

    await user.click(screen.getByRole('radio', { name: 'Robson Street' }));

    expect(screen.getByRole('radio', { name: 'Robson Street' })).not.toBeChecked();
  });

  it.each([
    ['a fresh answer', false],
    ['an answer marked empty by a submit', true],
  ])('renders at most once per keystroke in %s', async (_case, submitFirst) => {
    let commits = 0;
    const user = userEvent.setup();
    render(
      <Profiler id="mfa" onRender={() => (commits += 1)}>
        <I18nProvider language="en" bank={BANK}>
          <MfaStep
            challenges={[question(CITY)]}
            round={1}
            expectsOneTimeCode={false}
            error={null}
            pending={false}
            secondsLeft={null}
            onSubmit={() => undefined}
          />
        </I18nProvider>
      </Profiler>,
    );
    const city = screen.getByRole('textbox', { name: CITY });
    await user.click(city);
    if (submitFirst) await user.keyboard('{Enter}');
    const before = commits;

    await user.keyboard('Montreal');

    expect(commits - before).toBeLessThanOrEqual('Montreal'.length);
  });
});

describe('MfaStep: time left', () => {
  it.each([
    [102, 'Time left: 1:42', 'Less than 2 minutes left to answer.'],
    [60, 'Time left: 1:00', 'Less than 2 minutes left to answer.'],
    [59, 'Time left: 0:59', 'Less than a minute left to answer.'],
    [5, 'Time left: 0:05', 'Less than 30 seconds left to answer.'],
  ])('at %i seconds shows %s', (secondsLeft, clock, announcement) => {
    renderStep({ secondsLeft });

    expect(screen.getByRole('timer')).toHaveTextContent(clock);
    expect(screen.getByText(announcement)).toHaveAttribute('aria-live', 'polite');
  });

  it('announces at thresholds only, not every second', () => {
    const { rerender } = renderStep({ secondsLeft: 75 });
    const live = screen.getByText('Less than 2 minutes left to answer.');

    const heard = [61, 60, 59, 45, 30, 29].map((secondsLeft) => {
      rerender({ secondsLeft });
      return live.textContent;
    });

    expect(new Set(heard)).toEqual(
      new Set([
        'Less than 2 minutes left to answer.',
        'Less than a minute left to answer.',
        'Less than 30 seconds left to answer.',
      ]),
    );
    expect(screen.getByRole('timer')).toHaveTextContent('Time left: 0:29');
  });

  it.each([null, 120, 300])('shows no countdown for %s', (secondsLeft) => {
    renderStep({ secondsLeft });

    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('MfaStep: a step it cannot show', () => {
  const unsupported = 'Flinks Capital’s check can’t be done here';

  it.each([
    ['an unknown type', [FINGERPRINT]],
    ['a known type mixed with an unknown one', [question(CITY), FINGERPRINT]],
    ['images none of which can be shown', [{ ...IMAGES, Iterables: ['garbage', btoa('<html></html>')] }]],
    ['a multiple choice without choices', [{ ...STREET, Iterables: [] }]],
  ])('explains %s and offers a way back', async (_case, challenges) => {
    const onBack = vi.fn();
    const { user, onSubmit } = renderStep({ challenges, onBack });

    expect(screen.getByRole('heading', { level: 2, name: unsupported })).toHaveFocus();
    expect(screen.getByText(/Sign in on Flinks Capital’s website/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back' }));

    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says it in French', () => {
    renderStep({ challenges: [FINGERPRINT] }, 'fr');

    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Cette vérification de Flinks Capital est impossible ici',
      }),
    ).toBeInTheDocument();
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { guidanceFor } from '../../src/i18n/guidance';
import type { SecurityChallenge } from '../../src/api/types';
import { I18nProvider, type Language } from '../../src/i18n';
import { MfaStep } from '../../src/steps/mfa';

/*
 * The bank's name is a token of the text layer, filled by one rule: a real name as given, the stand-in ("your bank")
 * with a capital only where it starts a sentence.
 */

const FINGERPRINT: SecurityChallenge = { Type: 'FingerprintScan', Prompt: 'Touch the reader.' };

function unsupportedStep(language: Language, bank?: string | null) {
  render(
    <I18nProvider language={language} {...(bank === undefined ? {} : { bank })}>
      <MfaStep
        challenges={[FINGERPRINT]}
        round={1}
        expectsOneTimeCode={false}
        error={null}
        pending={false}
        secondsLeft={null}
        onSubmit={vi.fn()}
        onBack={vi.fn()}
      />
    </I18nProvider>,
  );
}

describe('MFA screens before the bank is known', () => {
  it('say "your bank" mid-sentence and "Your bank" only at the start, in English', () => {
    unsupportedStep('en');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Your bank’s check can’t be done here' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Sign in on your bank’s website to complete this check there/),
    ).toBeInTheDocument();
  });

  it('say it in French the same way', () => {
    unsupportedStep('fr');
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Cette vérification de votre institution financière est impossible ici',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Ouvrez une session sur le site Web de votre institution financière pour y terminer/),
    ).toBeInTheDocument();
  });

  it('use the name once the text layer knows it', () => {
    unsupportedStep('en', 'Desjardins');
    expect(screen.getByText(/^Sign in on Desjardins’s website/)).toBeInTheDocument();
  });
});

describe('the public guidanceFor', () => {
  it('is called with a code and a language only, and fetches the text it needs', async () => {
    const text = await guidanceFor('INVALID_PASSWORD', { language: 'fr', bank: 'Desjardins' });
    expect(text.code).toBe('INVALID_PASSWORD');
    expect(text.entry.kind).toBe('field');
    // The bank is named in the title (issue 25: the alert's title names the bank), its token filled in.
    expect(text.title).toBe('Desjardins a refusé ce mot de passe');
    expect(`${text.title} ${text.body}`).not.toContain('{');
  });

  it('fills an unknown bank as "your bank", capitalized at the start', async () => {
    const text = await guidanceFor('INVALID_USERNAME', { language: 'en' });
    expect(text.title).toBe('Your bank doesn’t know this username');
  });
});

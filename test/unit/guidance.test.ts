import { describe, expect, it } from 'vitest';
import { KNOWN_FLINKS_CODES } from '../../src/api/codes';
import { DEVELOPER_MESSAGES } from '../../src/guidance/developer';
import {
  GUIDANCE,
  GUIDANCE_VARIANTS,
  guidanceEntryFor,
  referenceFor,
  type GuidanceCode,
  type GuidanceOverrides,
  type GuidanceVariant,
} from '../../src/guidance';
import { actionLabel, guidanceText, referenceText } from '../../src/i18n';
import { LANGUAGES, messagesFor } from '../../src/i18n';

const en = messagesFor('en');
const fr = messagesFor('fr');
const ALL_CODES: GuidanceCode[] = [...KNOWN_FLINKS_CODES, 'UNKNOWN'];

describe('completeness', () => {
  it('has exactly one entry per known code, plus UNKNOWN', () => {
    expect(Object.keys(GUIDANCE).sort()).toEqual([...ALL_CODES].sort());
  });

  it.each(ALL_CODES.flatMap((code) => LANGUAGES.map((language) => [code, language] as const)))(
    '%s has a title and a body in %s',
    (code, language) => {
      const text = messagesFor(language).guidance.codes[code];
      expect(text.title.trim()).not.toBe('');
      expect(text.body.trim()).not.toBe('');
    },
  );

  it.each(ALL_CODES)('every action of %s has a label in both languages', (code) => {
    for (const action of GUIDANCE[code].actions) {
      expect(en.guidance.actions[action]).toBeTruthy();
      expect(fr.guidance.actions[action]).toBeTruthy();
    }
  });

  it.each(ALL_CODES)('%s explains itself to developers in English', (code) => {
    expect(DEVELOPER_MESSAGES[code]).toMatch(/^[A-Z].{30,}\.$/);
  });

  it.each(Object.keys(GUIDANCE_VARIANTS) as GuidanceVariant[])(
    'variant %s has text in both languages',
    (variant) => {
      for (const language of LANGUAGES) {
        const text = messagesFor(language).guidance.variants[variant];
        expect(text.title).toBeTruthy();
        expect(text.body).toBeTruthy();
      }
    },
  );
});

describe('the map follows GUIDANCE.md', () => {
  it.each<[GuidanceCode, string, string | undefined, string | undefined]>([
    ['INVALID_USERNAME', 'field', 'username', 'reenter'],
    ['INVALID_PASSWORD', 'field', 'password', 'reenter'],
    ['INVALID_LOGIN', 'field', 'both', 'reenter'],
    ['MAXIMUM_RETRY_REACHED', 'bank', undefined, 'openBankSite'],
    ['INVALID_SECURITY_RESPONSE', 'mfa', undefined, 'answerAgain'],
    ['INVALID_SECURITY_RESPONSE_NO_RETRY', 'bank', undefined, 'exit'],
    ['SECURITYRESPONSES_INCOMPLETE', 'mfa', undefined, 'answerAgain'],
    ['UNKNOWN_CHALLENGE_KEY', 'mfa', undefined, 'answerAgain'],
    ['QUESTION_NOT_FOUND', 'bank', undefined, 'reenter'],
    ['NEW_ACCOUNT', 'bank', undefined, 'openBankSite'],
    ['DISABLED_LOGIN', 'bank', undefined, 'contactBank'],
    ['UNAUTHORIZED', 'bank', undefined, 'openBankSite'],
    ['RETRY_LATER', 'retry', undefined, 'tryAgain'],
    ['AGGREGATION_ERROR', 'retry', undefined, 'tryAgain'],
    ['TOO_MANY_REQUESTS', 'retry', undefined, 'tryAgain'],
    ['NETWORK_ERROR', 'retry', undefined, 'tryAgain'],
    ['TIMEOUT', 'retry', undefined, 'tryAgain'],
    ['CONCURRENT_SESSION', 'retry', undefined, 'tryAgain'],
    ['CARD_IN_USE', 'retry', undefined, 'tryAgain'],
    ['SESSION_EXPIRED', 'restart', undefined, 'startAgain'],
    ['SESSION_NONEXISTENT', 'restart', undefined, 'startAgain'],
    ['OPERATION_PENDING', 'wait', undefined, 'exit'],
    ['OPERATION_DISPATCHED', 'wait', undefined, 'finishNow'],
    ['ALREADY_AUTHORIZED', 'none', undefined, undefined],
    ['DISABLED_INSTITUTION', 'blocked', undefined, 'chooseAnotherBank'],
    ['NO_TRANSACTION', 'blocked', undefined, 'chooseAnotherBank'],
    ['INVALID_REQUEST', 'setup', undefined, 'tryAgain'],
    ['ACCESS_DENIED', 'setup', undefined, 'tryAgain'],
    ['METHOD_NOT_AVAILABLE', 'setup', undefined, 'tryAgain'],
    ['MALFORMED_RESPONSE', 'setup', undefined, 'tryAgain'],
    ['UNKNOWN', 'setup', undefined, 'tryAgain'],
  ])('%s is %s (field %s), primary action %s', (code, kind, field, primary) => {
    const entry: { kind: string; field?: string; actions: readonly string[] } = GUIDANCE[code];
    expect(entry.kind).toBe(kind);
    expect(entry.field).toBe(field);
    expect(entry.actions[0]).toBe(primary);
  });

  it('counts only wrong credentials and wrong MFA answers toward maximumRetry (CONTRACT §4)', () => {
    const counted = ALL_CODES.filter((code) => GUIDANCE[code].retry.countsTowardLimit);
    expect(counted.sort()).toEqual(
      ['INVALID_LOGIN', 'INVALID_PASSWORD', 'INVALID_SECURITY_RESPONSE', 'INVALID_USERNAME'].sort(),
    );
  });

  it('retries by itself once, after a delay, only for CONCURRENT_SESSION and CARD_IN_USE', () => {
    const automatic = ALL_CODES.filter((code) => GUIDANCE[code].retry.automatic);
    expect(automatic.sort()).toEqual(['CARD_IN_USE', 'CONCURRENT_SESSION']);
    for (const code of automatic) {
      expect(GUIDANCE[code].retry.automatic).toEqual({ times: 1, delayMs: expect.any(Number) });
      expect(GUIDANCE[code].retry.automatic?.delayMs).toBeGreaterThan(0);
    }
  });

  it('holds "try again" behind a countdown only for RETRY_LATER and TOO_MANY_REQUESTS', () => {
    const countdown = ALL_CODES.filter((code) => (GUIDANCE[code].retry.countdownSeconds ?? 0) > 0);
    expect(countdown.sort()).toEqual(['RETRY_LATER', 'TOO_MANY_REQUESTS']);
  });

  it.each([
    ['INVALID_USERNAME', true],
    ['INVALID_LOGIN', true],
    ['INVALID_SECURITY_RESPONSE', false],
    ['SOMETHING_NEW', false],
  ])('%s marks a credential field: %s', (code, expected) => {
    expect(guidanceEntryFor(code).kind === 'field').toBe(expected);
  });

  it.each([
    ['INVALID_PASSWORD', true],
    ['SECURITYRESPONSES_INCOMPLETE', false],
    ['SOMETHING_NEW', false],
  ])('%s counts toward the retry limit: %s', (code, expected) => {
    expect(guidanceEntryFor(code).retry.countsTowardLimit).toBe(expected);
  });
});

describe('guidanceFor', () => {
  it('gives a known code its own entry and text', () => {
    const resolved = guidanceText('INVALID_PASSWORD', en, { language: 'en', bank: 'Desjardins' });
    expect(resolved.code).toBe('INVALID_PASSWORD');
    expect(resolved.entry).toBe(GUIDANCE.INVALID_PASSWORD);
    // The title names the bank (GUIDANCE.md); the body says what to do.
    expect(resolved.title).toBe('Desjardins didn’t accept this password');
    expect(resolved.body).toBe(en.guidance.codes.INVALID_PASSWORD.body);
  });

  it.each(LANGUAGES)('gives an unknown code the UNKNOWN screen in %s and keeps the code', (language) => {
    const messages = messagesFor(language);
    const resolved = guidanceText('BRAND_NEW_CODE', messages, { language });
    expect(resolved.code).toBe('BRAND_NEW_CODE');
    expect(resolved.entry).toBe(GUIDANCE.UNKNOWN);
    expect(resolved.title).toBe(messages.guidance.codes.UNKNOWN.title);
  });

  it('works without options', () => {
    expect(guidanceText('TIMEOUT', fr).title).toBe(
      'Votre institution financière met trop de temps à répondre',
    );
  });

  const overrides: GuidanceOverrides = {
    en: {
      INVALID_PASSWORD: { title: 'Let’s try that password again' },
      UNKNOWN: { title: 'Our own unknown title' },
      BRAND_NEW_CODE: { body: 'Our own text for {bank}.' },
    },
    fr: { INVALID_PASSWORD: { body: 'Notre texte pour {bank}.' } },
  };

  it.each([
    ['en', 'INVALID_PASSWORD', 'Let’s try that password again', en.guidance.codes.INVALID_PASSWORD.body],
    ['fr', 'INVALID_PASSWORD', 'TD a refusé ce mot de passe', 'Notre texte pour TD.'],
    ['en', 'BRAND_NEW_CODE', 'Our own unknown title', 'Our own text for TD.'],
    ['en', 'ANOTHER_NEW_CODE', 'Our own unknown title', en.guidance.codes.UNKNOWN.body],
    ['fr', 'BRAND_NEW_CODE', fr.guidance.codes.UNKNOWN.title, fr.guidance.codes.UNKNOWN.body],
    [
      'en',
      'TIMEOUT',
      'TD is taking too long',
      'TD hasn’t answered in time. Try again, or choose another bank.',
    ],
  ] as const)('in %s, overrides for %s give "%s" / "%s"', (language, code, title, body) => {
    const resolved = guidanceText(code, messagesFor(language), { language, overrides, bank: 'TD' });
    expect(resolved).toMatchObject({ code, title, body });
  });

  it.each<[GuidanceVariant, GuidanceCode]>([
    ['reconnect', 'INVALID_LOGIN'],
    ['lastTry', 'INVALID_SECURITY_RESPONSE'],
    ['offline', 'NETWORK_ERROR'],
  ])('the %s variant replaces the text of %s, keeping its entry', (variant, code) => {
    const resolved = guidanceText(code, en, { language: 'en', bank: 'BMO', variant, overrides });
    expect(resolved.title).toBe(en.guidance.variants[variant].title.replace('{bank}', 'BMO'));
    expect(resolved.entry).toBe(GUIDANCE[code]);
  });

  it('says in the last-try warning that the bank may lock the account', () => {
    expect(
      guidanceText('INVALID_SECURITY_RESPONSE', en, { language: 'en', bank: 'BMO', variant: 'lastTry' }).body,
    ).toMatch(/BMO may lock your account/);
  });

  it('ignores a variant meant for another code', () => {
    const resolved = guidanceText('INVALID_PASSWORD', en, { language: 'en', variant: 'reconnect' });
    expect(resolved.title).toBe('Your bank didn’t accept this password');
  });

  it.each(ALL_CODES.flatMap((code) => LANGUAGES.map((language) => [code, language] as const)))(
    '%s in %s fills {bank} with the name, or with "your bank" that reads well',
    (code, language) => {
      const messages = messagesFor(language);
      const named = guidanceText(code, messages, { language, bank: 'Desjardins' });
      const unnamed = guidanceText(code, messages, { language });
      for (const text of [named.title, named.body, unnamed.title, unnamed.body]) {
        expect(text).not.toContain('{bank}');
        expect(text).not.toMatch(/\b(the|this|your) your bank|compte votre|de votre votre/i);
        expect(text.charAt(0)).toBe(text.charAt(0).toLocaleUpperCase());
      }
    },
  );

  it('starts a sentence with a capital when the bank is unknown', () => {
    expect(guidanceText('INVALID_USERNAME', en).title).toBe('Your bank doesn’t know this username');
    expect(guidanceText('RETRY_LATER', en).title).toBe('We can’t reach your bank right now');
  });
});

describe('labels and references', () => {
  it.each([
    ['en', 'Go to RBC Royal Bank’s website'],
    ['fr', 'Aller sur le site de RBC Banque Royale'],
  ] as const)('fills the bank in %s action labels', (language, expected) => {
    const bank = language === 'en' ? 'RBC Royal Bank' : 'RBC Banque Royale';
    expect(actionLabel('openBankSite', messagesFor(language), bank)).toBe(expected);
  });

  it.each([
    ['NEW_ACCOUNT', '8c2f41d0-5b1e-4c1a-9a57-0f5e2d7c1b3a', 'NEW_ACCOUNT · 8c2f41d0'],
    ['BRAND_NEW_CODE', 'abc', 'BRAND_NEW_CODE · abc'],
    ['TIMEOUT', undefined, 'TIMEOUT'],
    ['TIMEOUT', null, 'TIMEOUT'],
  ])('referenceFor(%s, %s) is "%s"', (code, requestId, expected) => {
    expect(referenceFor(code, requestId)).toBe(expected);
  });

  it.each([
    ['en', '8c2f41d0-5b1e', 'Support reference: 8c2f41d0'],
    ['fr', '8c2f41d0-5b1e', 'Référence pour le soutien\u00A0: 8c2f41d0'],
    ['en', undefined, null],
  ] as const)(
    'the %s small print for request %s is "%s", never with the code',
    (language, requestId, expected) => {
      expect(referenceText(requestId, messagesFor(language))).toBe(expected);
    },
  );
});

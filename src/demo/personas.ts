import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import type { ChallengeName } from '../sandbox/challenges';
import type { RoundPlan, SandboxPersona } from '../sandbox/personas';
import type { DemoMessages } from './messages';

/** "a, b or c" the Canadian way, in the page's language. */
export function formatList(language: Language, items: readonly string[], type: Intl.ListFormatType): string {
  return new Intl.ListFormat(`${language}-CA`, { type }).format(items);
}

/**
 * What a sandbox persona does, in the page's language, read from the persona's data rather than written per
 * persona: a persona added to the sandbox shows up here described, with nothing to edit.
 * @example
 * describePersona(personaFor('Greatday'), demoMessages.en, 'en')
 * // "Asks one of the birth city, the best country or the favourite shape, then connects."
 */
export function describePersona(persona: SandboxPersona, m: DemoMessages, language: Language): string {
  const t = m.persona;
  const names: Record<ChallengeName, string> = t.challenges;
  const list = (items: readonly ChallengeName[], type: Intl.ListFormatType) =>
    formatList(
      language,
      items.map((name) => names[name]),
      type,
    );
  const round = (plan: RoundPlan) => {
    if ('askOneOf' in plan) return format(t.oneOf, { list: list(plan.askOneOf, 'disjunction') });
    return plan.ask.length > 1
      ? format(t.together, { list: list(plan.ask, 'conjunction') })
      : list(plan.ask, 'conjunction');
  };

  const { login, data } = persona;
  const sentences: string[] = [];
  switch (login.kind) {
    case 'authorized':
      sentences.push(t.authorized);
      break;
    case 'mfa':
      sentences.push(format(t.mfa, { rounds: login.rounds.map(round).join(t.then) }));
      if (login.noRetry) sentences.push(t.noRetry);
      break;
    case 'error':
      // The sign-in never succeeds, so what the data calls would do does not matter.
      return format(t.refused, { status: login.status });
    default: {
      const unreachable: never = login;
      return unreachable;
    }
  }
  switch (data.kind) {
    case 'ready':
      break;
    case 'pending':
      sentences.push(t.pending);
      break;
    case 'dispatched':
      sentences.push(t.dispatched);
      break;
    case 'error':
      sentences.push(format(t.dataRefused, { status: data.status }));
      break;
    default: {
      const unreachable: never = data;
      return unreachable;
    }
  }
  // Said when the login keeps questions its sign-in never asks: Enhanced MFA is what reaches them.
  const plans = login.kind === 'mfa' ? login.rounds : [];
  const asked = new Set(plans.flatMap((plan) => ('ask' in plan ? plan.ask : plan.askOneOf)));
  if (persona.storedQuestions?.some((name) => !asked.has(name)))
    sentences.push(format(t.stored, { list: list(persona.storedQuestions, 'conjunction') }));
  if (persona.accountCount !== undefined)
    sentences.push(format(t.accounts, { count: String(persona.accountCount) }));
  return sentences.join(' ');
}

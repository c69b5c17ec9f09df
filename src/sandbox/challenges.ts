import type { SecurityChallenge, SecurityResponses } from '../api/types';
import { CIRCLE_PNG, SQUARE_PNG, TRIANGLE_PNG } from './challenge-images';
import type { Language } from '../i18n/types';

/** Flinks Capital's three security questions and their answers (answers compare case-insensitively). */
export const FLINKS_CAPITAL_QUESTIONS = [
  { prompt: 'What city were you born in?', answer: 'Montreal' },
  { prompt: 'What is the best country on earth?', answer: 'Canada' },
  { prompt: 'What shape do people like most?', answer: 'Triangle' },
] as const;

/** The same questions as Flinks Capital asks them in French (`Language: "fr"`); the answers stay the same. */
export const FLINKS_CAPITAL_QUESTIONS_FR = [
  'Quelle est votre ville natale ?',
  'Quel est le meilleur pays du monde ?',
  'Quelle forme les gens préfèrent-ils ?',
] as const;

/** A prompt as compared: case, spacing and the space before French punctuation left out. */
const comparable = (prompt: string) => prompt.toLowerCase().replace(/[\s\u00a0\u202f]+/g, '');

/**
 * The answer to whichever of Flinks Capital's security questions a test is shown, English or French; undefined for
 * any other prompt. With `createSandbox({ question })` the question is fixed instead.
 * @example
 * const prompt = (await screen.findByRole('textbox')).labels?.[0]?.textContent ?? '';
 * await user.type(screen.getByRole('textbox'), flinksCapitalAnswer(prompt) ?? '');
 */
export function flinksCapitalAnswer(prompt: string): string | undefined {
  const wanted = comparable(prompt);
  const index = FLINKS_CAPITAL_QUESTIONS.findIndex(
    (question, at) =>
      comparable(question.prompt) === wanted || comparable(FLINKS_CAPITAL_QUESTIONS_FR[at] ?? '') === wanted,
  );
  return FLINKS_CAPITAL_QUESTIONS[index]?.answer;
}

/** The languages the sandbox bank speaks: its prompts, choices and messages follow the session's `Language`. */
export type SandboxLanguage = Language;

/** The one-time code the sandbox "sends" after a TextOrCall choice. */
export const SANDBOX_ONE_TIME_CODE = '123456';

/**
 * One challenge as the sandbox checks it:
 * - `answer`: the response must be exactly this set of answers (one for a question or a choice, several for
 *   MultipleChoiceMultipleAnswers), in any order;
 * - `anything`: any non-empty response passes (a challenge type the widget cannot know);
 * - `textOrCall`: keyed by the chosen Iterable, answered `["Text"]` or `["Call"]`; a code question follows.
 */
export type SandboxChallenge =
  | { kind: 'answer'; challenge: SecurityChallenge; answers: readonly string[]; fr?: FrenchText }
  | { kind: 'anything'; challenge: SecurityChallenge; fr?: FrenchText }
  | { kind: 'textOrCall'; challenge: SecurityChallenge & { Iterables: string[] }; fr?: FrenchText };

/** A challenge's French wording: its prompt and, when the choices are words, the choices and the right ones. */
export interface FrenchText {
  Prompt: string;
  Iterables?: readonly string[];
  answers?: readonly string[];
}

/** The prompts of one 203, answered together in one call. */
export type Round = readonly SandboxChallenge[];

function question(index: 0 | 1 | 2): SandboxChallenge {
  const { prompt, answer } = FLINKS_CAPITAL_QUESTIONS[index];
  return {
    kind: 'answer',
    challenge: { Type: 'QuestionAndAnswer', Prompt: prompt },
    answers: [answer],
    fr: { Prompt: FLINKS_CAPITAL_QUESTIONS_FR[index] },
  };
}

/** Every challenge a persona can ask, by name. */
export const CHALLENGES = {
  city: question(0),
  country: question(1),
  shape: question(2),
  street: {
    kind: 'answer',
    challenge: {
      Type: 'MultipleChoice',
      Prompt: 'Which of these streets have you lived on?',
      Iterables: ['Rue Sherbrooke', 'Yonge Street', 'Robson Street', 'Portage Avenue'],
    },
    answers: ['Rue Sherbrooke'],
    // Street names are names: only the question changes.
    fr: { Prompt: 'Dans laquelle de ces rues avez-vous déjà habité ?' },
  },
  owned: {
    kind: 'answer',
    challenge: {
      Type: 'MultipleChoiceMultipleAnswers',
      Prompt: 'Which of these have you owned?',
      Iterables: ['A bicycle', 'A sailboat', 'A canoe', 'A snowmobile'],
    },
    answers: ['A bicycle', 'A canoe'],
    fr: {
      Prompt: 'Lesquels de ces objets avez-vous déjà possédés ?',
      Iterables: ['Un vélo', 'Un voilier', 'Un canot', 'Une motoneige'],
      answers: ['Un vélo', 'Un canot'],
    },
  },
  textOrCall: {
    kind: 'textOrCall',
    challenge: {
      Type: 'TextOrCall',
      Prompt: 'Where should we send your security code?',
      Iterables: ['(514) ***-**42', '(438) ***-**17'],
    },
    fr: { Prompt: 'Où devons-nous envoyer votre code de sécurité ?' },
  },
  image: {
    kind: 'answer',
    challenge: {
      Type: 'ImageSelection',
      Prompt: 'Select the triangle.',
      Iterables: [CIRCLE_PNG, TRIANGLE_PNG, SQUARE_PNG],
    },
    answers: [TRIANGLE_PNG],
    fr: { Prompt: 'Sélectionnez le triangle.' },
  },
  fingerprint: {
    kind: 'anything',
    challenge: { Type: 'FingerprintScan', Prompt: 'Touch the fingerprint reader on your registered device.' },
    fr: { Prompt: 'Touchez le lecteur d’empreintes de votre appareil enregistré.' },
  },
} satisfies Record<string, SandboxChallenge>;

export type ChallengeName = keyof typeof CHALLENGES;

/** A challenge as the bank asks it in `language` (the sandbox checks answers against the same wording). */
export function inLanguage(challenge: SandboxChallenge, language: SandboxLanguage): SandboxChallenge {
  const french = challenge.fr;
  if (language === 'en' || !french) return challenge;
  const asked = {
    ...challenge.challenge,
    Prompt: french.Prompt,
    ...(french.Iterables ? { Iterables: [...french.Iterables] } : {}),
  };
  if (challenge.kind === 'answer')
    return { ...challenge, challenge: asked, answers: french.answers ?? challenge.answers };
  if (challenge.kind === 'textOrCall')
    return { ...challenge, challenge: { ...asked, Iterables: challenge.challenge.Iterables } };
  return { ...challenge, challenge: asked };
}

/** The code question that follows a TextOrCall choice: its prompt says where the code went. */
function oneTimeCodeRound(phone: string, method: 'text' | 'call', language: SandboxLanguage = 'en'): Round {
  const french =
    method === 'text'
      ? `Nous avons envoyé un code de sécurité par texto au ${phone}. Entrez ce code.`
      : `Nous appelons le ${phone} pour vous donner un code de sécurité. Entrez ce code.`;
  const english =
    method === 'text'
      ? `We sent a security code by text message to ${phone}. Enter the code.`
      : `We are calling ${phone} with a security code. Enter the code.`;
  const prompt = language === 'fr' ? french : english;
  return [
    {
      kind: 'answer',
      challenge: { Type: 'QuestionAndAnswer', Prompt: prompt },
      answers: [SANDBOX_ONE_TIME_CODE],
    },
  ];
}

/** Trimmed, case- and accent-insensitive: "  montréal " matches "Montreal". */
function normalize(answer: string): string {
  return answer.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function given(responses: SecurityResponses, key: string): string[] {
  return (responses[key] ?? []).map(normalize).filter((answer) => answer !== '');
}

function keysOf(challenge: SandboxChallenge): readonly string[] {
  return challenge.kind === 'textOrCall' ? challenge.challenge.Iterables : [challenge.challenge.Prompt];
}

function isAnswered(challenge: SandboxChallenge, responses: SecurityResponses): boolean {
  return keysOf(challenge).some((key) => given(responses, key).length > 0);
}

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  const wanted = new Set(expected.map(normalize));
  const got = new Set(actual);
  return got.size === wanted.size && [...got].every((answer) => wanted.has(answer));
}

/** What answering a TextOrCall chose, or null when the answer is not one phone with "Text" or "Call". */
function textOrCallChoice(
  challenge: Extract<SandboxChallenge, { kind: 'textOrCall' }>,
  responses: SecurityResponses,
): { phone: string; method: 'text' | 'call' } | null {
  const chosen = challenge.challenge.Iterables.filter((phone) => given(responses, phone).length > 0);
  const phone = chosen[0];
  if (chosen.length !== 1 || phone === undefined) return null;
  const [method, ...rest] = given(responses, phone);
  if (rest.length > 0 || (method !== 'text' && method !== 'call')) return null;
  return { phone, method };
}

export type Verdict =
  | { kind: 'accepted'; followUp: Round[] }
  | {
      kind: 'rejected';
      code: 'UNKNOWN_CHALLENGE_KEY' | 'SECURITYRESPONSES_INCOMPLETE' | 'INVALID_SECURITY_RESPONSE';
    };

/**
 * Checks one answer set against the round it answers, in Flinks' order of precedence: a key that was not asked,
 * then a prompt left unanswered, then a wrong answer.
 */
export function checkRound(
  round: Round,
  responses: SecurityResponses,
  language: SandboxLanguage = 'en',
): Verdict {
  const asked = new Set(round.flatMap(keysOf));
  if (Object.keys(responses).some((key) => !asked.has(key))) {
    return { kind: 'rejected', code: 'UNKNOWN_CHALLENGE_KEY' };
  }
  if (!round.every((challenge) => isAnswered(challenge, responses))) {
    return { kind: 'rejected', code: 'SECURITYRESPONSES_INCOMPLETE' };
  }
  const followUp: Round[] = [];
  for (const challenge of round) {
    if (
      challenge.kind === 'answer' &&
      !sameSet(given(responses, challenge.challenge.Prompt), challenge.answers)
    ) {
      return { kind: 'rejected', code: 'INVALID_SECURITY_RESPONSE' };
    }
    if (challenge.kind === 'textOrCall') {
      const choice = textOrCallChoice(challenge, responses);
      if (choice === null) return { kind: 'rejected', code: 'INVALID_SECURITY_RESPONSE' };
      followUp.push(oneTimeCodeRound(choice.phone, choice.method, language));
    }
  }
  return { kind: 'accepted', followUp };
}

/** The wire form of a round, as the 203 body carries it (copies: callers may not alter the catalog). */
export function challengesOf(round: Round): SecurityChallenge[] {
  return round.map(({ challenge }) => ({
    Type: challenge.Type,
    Prompt: challenge.Prompt,
    ...(challenge.Iterables ? { Iterables: [...challenge.Iterables] } : {}),
  }));
}

import type { SecurityChallenge, SecurityResponses } from '../../api/types';
import { sniffImage } from './image';

/** How a TextOrCall code is delivered, spelled as the API expects it. */
export type DeliveryMethod = 'Text' | 'Call';

export interface ShownImage {
  /** Position of the image in the challenge's Iterables. */
  index: number;
  src: string;
  /** The bank's words for the picture, when it sends them. */
  description?: string;
}

interface PromptBase {
  /** The prompt text as the bank sent it. */
  prompt: string;
  /** The form field holding the answer. */
  field: string;
}

/** One challenge the widget knows how to show, ready to render. */
export type MfaPrompt =
  | (PromptBase & { type: 'QuestionAndAnswer'; choices: string[]; oneTimeCode: boolean })
  | (PromptBase & { type: 'MultipleChoice'; choices: string[] })
  | (PromptBase & { type: 'MultipleChoiceMultipleAnswers'; choices: string[] })
  | (PromptBase & { type: 'TextOrCall'; phones: string[]; methodField: string })
  | (PromptBase & { type: 'ImageSelection'; images: ShownImage[]; iterables: string[] });

/** A round is either answerable here, or holds something this screen can't show. */
export type RoundPlan = { kind: 'answerable'; prompts: MfaPrompt[] } | { kind: 'unsupported' };

/** What the form holds: text answers, chosen Iterable indexes (one or several) and delivery methods. */
export type AnswerValues = Record<string, string | string[] | boolean | null | undefined>;

/**
 * Turns the challenges of one 203 into prompts to render. A round with any challenge that can't be answered
 * here (an unknown Type, choices without options, images none of which can be shown) is unsupported as a whole:
 * the bank expects every prompt answered in one call.
 */
export function planRound(challenges: readonly SecurityChallenge[], expectsOneTimeCode: boolean): RoundPlan {
  const prompts: MfaPrompt[] = [];
  for (const [position, challenge] of challenges.entries()) {
    const prompt = toPrompt(challenge, `answer-${position}`, expectsOneTimeCode);
    if (prompt === null) return { kind: 'unsupported' };
    prompts.push(prompt);
  }
  return prompts.length > 0 ? { kind: 'answerable', prompts } : { kind: 'unsupported' };
}

function toPrompt(
  challenge: SecurityChallenge,
  field: string,
  expectsOneTimeCode: boolean,
): MfaPrompt | null {
  const iterables = challenge.Iterables ?? [];
  const base = { prompt: challenge.Prompt, field };
  switch (challenge.Type) {
    case 'QuestionAndAnswer':
      return { ...base, type: 'QuestionAndAnswer', choices: iterables, oneTimeCode: expectsOneTimeCode };
    case 'MultipleChoice':
      return iterables.length > 0 ? { ...base, type: 'MultipleChoice', choices: iterables } : null;
    case 'MultipleChoiceMultipleAnswers':
      return iterables.length > 0
        ? { ...base, type: 'MultipleChoiceMultipleAnswers', choices: iterables }
        : null;
    case 'TextOrCall':
      return iterables.length > 0
        ? { ...base, type: 'TextOrCall', phones: iterables, methodField: `${field}-method` }
        : null;
    case 'ImageSelection': {
      const images = iterables.flatMap((encoded, index) => {
        const image = sniffImage(encoded);
        if (!image) return [];
        return [
          image.description
            ? { index, src: image.src, description: image.description }
            : { index, src: image.src },
        ];
      });
      return images.length > 0 ? { ...base, type: 'ImageSelection', images, iterables } : null;
    }
    default:
      return null;
  }
}

/**
 * Default form values. A TextOrCall with one phone starts on that phone and on Text, the usual choice; with several,
 * nothing is chosen, so the form never shows a way of sending the code to no phone at all.
 */
export function initialAnswers(prompts: readonly MfaPrompt[]): AnswerValues {
  const values: AnswerValues = {};
  for (const prompt of prompts) {
    if (prompt.type === 'TextOrCall' && prompt.phones.length === 1) {
      values[prompt.field] = '0';
      values[prompt.methodField] = 'Text' satisfies DeliveryMethod;
    }
  }
  return values;
}

/** The last digits a masked number shows ("(514) ***-**42" -> "42"), or null when it is not masked. */
export function maskedDigits(phone: string): string | null {
  return /[*•xX]\D*(\d{2,4})\s*$/.exec(phone)?.[1] ?? null;
}

export interface CollectedAnswers {
  responses: SecurityResponses;
  /** Fields still to answer, in screen order. */
  missing: string[];
}

/** Reads the form into SecurityResponses as /Authorize expects them, and lists what is still unanswered. */
export function collectAnswers(prompts: readonly MfaPrompt[], values: AnswerValues): CollectedAnswers {
  const responses: SecurityResponses = {};
  const missing: string[] = [];
  for (const prompt of prompts) {
    const answer = answerOf(prompt, values);
    if (answer === null) {
      missing.push(prompt.field);
      continue;
    }
    responses[answer.key] = answer.values;
  }
  return { responses, missing };
}

/** Whether the form holds a usable answer to `prompt`: what its field's validation asks. */
export function isAnswered(prompt: MfaPrompt, values: AnswerValues): boolean {
  return answerOf(prompt, values) !== null;
}

function answerOf(prompt: MfaPrompt, values: AnswerValues): { key: string; values: string[] } | null {
  const raw = values[prompt.field];
  switch (prompt.type) {
    case 'QuestionAndAnswer': {
      if (prompt.choices.length > 0) return single(prompt.prompt, pick(prompt.choices, raw));
      const text = typeof raw === 'string' ? raw.trim() : '';
      return text === '' ? null : { key: prompt.prompt, values: [text] };
    }
    case 'MultipleChoice':
      return single(prompt.prompt, pick(prompt.choices, raw));
    case 'MultipleChoiceMultipleAnswers': {
      const chosen = indexesOf(raw).flatMap((index) => pick(prompt.choices, index) ?? []);
      return chosen.length > 0 ? { key: prompt.prompt, values: chosen } : null;
    }
    case 'TextOrCall': {
      // Flinks keys this answer by the chosen phone, not by the prompt.
      const phone = pick(prompt.phones, raw);
      const method = values[prompt.methodField];
      if (phone === null || (method !== 'Text' && method !== 'Call')) return null;
      return { key: phone, values: [method] };
    }
    case 'ImageSelection': {
      const shown = prompt.images.some((image) => String(image.index) === raw);
      return single(prompt.prompt, shown ? pick(prompt.iterables, raw) : null);
    }
    default: {
      const unreachable: never = prompt;
      return unreachable;
    }
  }
}

function single(key: string, value: string | null): { key: string; values: string[] } | null {
  return value === null ? null : { key, values: [value] };
}

/** The Iterable a radio or checkbox value (its index, as a string) points to. */
function pick(iterables: readonly string[], raw: AnswerValues[string]): string | null {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  return iterables[Number(raw)] ?? null;
}

/** A checkbox group's value: an array when it has several boxes, a string or false when it has one. */
function indexesOf(raw: AnswerValues[string]): string[] {
  if (Array.isArray(raw)) return raw;
  return typeof raw === 'string' ? [raw] : [];
}

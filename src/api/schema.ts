import * as v from 'valibot';
import { LIMITS } from './limits';

const text = v.pipe(v.string(), v.maxLength(LIMITS.textChars));
const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.textChars));

/** An optional field that Flinks sometimes sends as `null`: both become `undefined`. */
const optionalText = v.optional(
  v.pipe(
    v.nullable(text),
    v.transform((value) => value ?? undefined),
  ),
);

const optionalNumber = v.optional(
  v.pipe(
    v.nullable(v.number()),
    v.transform((value) => value ?? undefined),
  ),
);

/** An amount that may be absent or null (no limit, no available balance). */
const amount = v.optional(v.nullable(v.number()), null);

/** Informative text only: absent or unusable becomes '', too long is cut. */
const message = v.fallback(
  v.optional(
    v.pipe(
      v.nullable(v.string()),
      v.transform((value) => (value ?? '').slice(0, LIMITS.messageChars)),
    ),
    '',
  ),
  '',
);

const loginSchema = v.object({
  Id: id,
  Username: text,
  IsScheduledRefresh: v.boolean(),
  LastRefresh: text,
  Type: text,
});

const linkSchema = v.object({
  rel: text,
  href: text,
  example: v.optional(v.nullable(text)),
});

export const authorizeSuccessSchema = v.object({
  HttpStatusCode: v.optional(v.literal(200), 200),
  Login: loginSchema,
  Institution: text,
  RequestId: id,
  Links: v.optional(
    v.pipe(
      v.nullable(v.pipe(v.array(linkSchema), v.maxLength(50))),
      v.transform((value) => value ?? undefined),
    ),
  ),
  InstitutionId: optionalNumber,
});

/**
 * One prompt of a 203 answer. `Type` as Flinks names it (QuestionAndAnswer, MultipleChoice,
 * MultipleChoiceMultipleAnswers, TextOrCall, ImageSelection); an unknown type is kept as it came.
 */
export const challengeSchema = v.object({
  Type: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.challengeTypeChars)),
  Prompt: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.promptChars)),
  Iterables: v.optional(
    v.pipe(
      v.nullable(
        v.pipe(
          v.array(v.pipe(v.string(), v.maxLength(LIMITS.iterableChars))),
          v.maxLength(LIMITS.iterablesPerChallenge),
        ),
      ),
      v.transform((value) => value ?? undefined),
    ),
  ),
});

export const challengeBodySchema = v.object({
  HttpStatusCode: v.optional(v.literal(203), 203),
  RequestId: id,
  Institution: optionalText,
  SecurityChallenges: v.pipe(
    v.array(challengeSchema),
    v.nonEmpty(),
    v.maxLength(LIMITS.challenges),
    // Answers are keyed by prompt: two equal prompts could not be answered apart.
    v.check(
      (challenges) => new Set(challenges.map((challenge) => challenge.Prompt)).size === challenges.length,
      'Two security challenges share one prompt.',
    ),
  ),
});

const PENDING_CODES = ['OPERATION_PENDING', 'OPERATION_DISPATCHED'] as const;

export const pendingBodySchema = v.object({
  FlinksCode: v.picklist(PENDING_CODES),
  Message: message,
  RequestId: v.fallback(v.optional(id), undefined),
});

/** Any body that carries a usable FlinksCode. Only the code is required: it decides what the person sees. */
export const errorBodySchema = v.object({
  FlinksCode: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.flinksCodeChars)),
  Message: message,
  RequestId: v.fallback(v.optional(id), undefined),
});

const balanceSchema = v.object({
  Available: amount,
  Current: amount,
  Limit: amount,
});

export const holderSchema = v.object({
  Name: text,
  Address: v.optional(
    v.pipe(
      v.nullable(
        v.object({
          CivicAddress: optionalText,
          City: optionalText,
          Province: optionalText,
          PostalCode: optionalText,
          POBox: v.optional(v.nullable(text)),
          Country: optionalText,
        }),
      ),
      v.transform((value) => value ?? undefined),
    ),
  ),
  Email: optionalText,
  PhoneNumber: optionalText,
});

export const transactionSchema = v.object({
  Id: id,
  Date: text,
  Code: v.optional(v.nullable(text)),
  Description: text,
  Debit: amount,
  Credit: amount,
  Balance: v.number(),
});

export const accountSchema = v.object({
  Id: id,
  Title: text,
  AccountNumber: text,
  TransitNumber: optionalText,
  InstitutionNumber: optionalText,
  Category: text,
  Type: text,
  Currency: text,
  Balance: balanceSchema,
  Holder: v.optional(
    v.pipe(
      v.nullable(holderSchema),
      v.transform((value) => value ?? undefined),
    ),
  ),
  // No count bound of their own: a year of a busy account is long, and the body size already bounds them.
  Transactions: v.optional(
    v.pipe(
      v.nullable(v.array(transactionSchema)),
      v.transform((value) => value ?? undefined),
    ),
  ),
  OverdraftLimit: optionalNumber,
});

export const accountsBodySchema = v.object({
  HttpStatusCode: v.optional(v.literal(200), 200),
  Accounts: v.pipe(v.array(accountSchema), v.maxLength(LIMITS.accounts)),
  Login: v.optional(
    v.pipe(
      v.nullable(loginSchema),
      v.transform((value) => value ?? undefined),
    ),
  ),
  Institution: optionalText,
  RequestId: id,
});

const deletedBodySchema = v.object({
  Message: message,
});

/** GET /GetMFAQuestions/{loginId} (Enhanced MFA): the login's stored security questions. */
export const mfaQuestionsBodySchema = v.object({
  Questions: v.pipe(v.array(v.object({ Question: v.pipe(v.string(), v.minLength(1)) })), v.maxLength(50)),
});

/** A body's check: its typed value, or where it first went wrong (field names only, never a value from the wire). */
export type Checked<T> = { ok: true; value: T } | { ok: false; path: string | null };

/**
 * Validation stops at the first problem: only that one is reported, and a body of a million wrong items
 * (2 MB of `{},`) would otherwise cost seconds of main thread before it is refused.
 */
const FIRST_ISSUE = { abortEarly: true } as const;

function checker<TSchema extends v.GenericSchema>(schema: TSchema) {
  return (input: unknown): Checked<v.InferOutput<TSchema>> => {
    const result = v.safeParse(schema, input, FIRST_ISSUE);
    if (result.success) return { ok: true, value: result.output };
    const first = result.issues[0];
    return { ok: false, path: first ? v.getDotPath(first) : null };
  };
}

/**
 * The client's check of each kind of answer. This module (valibot and the schemas) is its own chunk: the client
 * loads it with its first call, so the first screen never waits for it.
 */
export const checks = {
  authorized: checker(authorizeSuccessSchema),
  challenged: checker(challengeBodySchema),
  pending: checker(pendingBodySchema),
  error: checker(errorBodySchema),
  accounts: checker(accountsBodySchema),
  deleted: checker(deletedBodySchema),
  mfaQuestions: checker(mfaQuestionsBodySchema),
};

export type Checks = typeof checks;

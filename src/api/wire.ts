import * as v from 'valibot';
import { LANGUAGES } from '../i18n/types';
import { OAUTH_MESSAGE_SOURCE } from './oauth-message';

/**
 * The wire contract of what the widget sends, written once: the bodies of its calls to the bank API and to the connect
 * server, the OAuth return's message and outcome, and the connect session request. The client types its bodies from
 * these schemas (types only: none of this module is in the first screen), and the server's gate (server/bank-api.ts,
 * server/oauth.ts, server/sessions.ts) and the sandbox (src/sandbox/schemas.ts) check them with the same schemas.
 * What the API answers is read by ./schema.ts.
 *
 * The bounds are the server's: a call beyond them never reaches the bank.
 */

/** Flinks ids are GUIDs; anything id-like and short is accepted, nothing that could climb out of a path. */
export const WIRE_ID = /^[A-Za-z0-9-]{1,64}$/;

const id = v.pipe(v.string(), v.regex(WIRE_ID));
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A JSON object, not an array (which valibot's `object` and `record` would take). */
const plainObject = v.custom<Record<string, unknown>>(isPlainObject);
/** A body: a JSON object, reduced to the fields of `entries` (any other field is dropped). */
const body = <const TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.pipe(plainObject, v.object(entries));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const language = v.picklist(LANGUAGES);

/**
 * Prompt text -> answers. An ImageSelection answer is the chosen image itself, sent back as base64: large strings
 * are allowed, few of them.
 */
export const securityResponsesSchema = v.pipe(
  plainObject,
  v.record(v.pipe(v.string(), v.maxLength(1000)), v.pipe(v.array(text(768 * 1024)), v.maxLength(50))),
  v.check((answers) => Object.keys(answers).length <= 50),
);

/**
 * POST /Authorize, in each of its forms: credentials, `LoginId` (a saved login, `MostRecentCached` for its cached
 * data), `RequestId` + `SecurityResponses` (MFA answers) or `RequestId` alone (resume). Every field is optional
 * here; which ones a call needs depends on its form.
 */
export const authorizeBodySchema = body({
  Institution: v.optional(text(100)),
  Username: v.optional(text(256)),
  Password: v.optional(text(1024)),
  Language: v.optional(language),
  Save: v.optional(v.boolean()),
  MostRecentCached: v.optional(v.boolean()),
  LoginId: v.optional(id),
  /** Free text; the connect server carries its OAuth nonce in it. */
  Tag: v.optional(text(200)),
  ScheduleRefresh: v.optional(v.boolean()),
  RequestId: v.optional(id),
  SecurityResponses: v.optional(securityResponsesSchema),
});

/** POST /GetAccountsDetail. */
export const accountsDetailBodySchema = body({
  RequestId: id,
  WithAccountIdentity: v.optional(v.boolean()),
  WithKYC: v.optional(v.boolean()),
  WithTransactions: v.optional(v.boolean()),
  WithBalance: v.optional(v.boolean()),
  DaysOfTransactions: v.optional(v.picklist(['Days90', 'Days365'])),
  AccountsFilter: v.optional(v.pipe(v.array(id), v.maxLength(200))),
});

/** POST /GetAccountsSummary. */
export const accountsSummaryBodySchema = body({ RequestId: id });

/** POST /GetStatements: the bank's own statements for a login's accounts. */
export const statementsBodySchema = body({
  RequestId: id,
  NumberOfStatements: v.optional(v.picklist(['MostRecent', 'Months3', 'Months12'])),
});

/** PATCH /AnswerMFAQuestions (Enhanced MFA): an answer to each stored question of a login. Answers are secrets. */
export const answerMfaQuestionsBodySchema = body({
  LoginId: id,
  Questions: v.pipe(v.array(v.strictObject({ Question: text(1000), Answer: text(1000) })), v.maxLength(50)),
});

export type AuthorizeBody = v.InferOutput<typeof authorizeBodySchema>;
export type AccountsDetailBody = v.InferOutput<typeof accountsDetailBodySchema>;
export type AccountsSummaryBody = v.InferOutput<typeof accountsSummaryBodySchema>;
export type StatementsBody = v.InferOutput<typeof statementsBodySchema>;
export type AnswerMfaQuestionsBody = v.InferOutput<typeof answerMfaQuestionsBodySchema>;

/** An institution's id as the OAuth routes take it (Flinks' `institution_id`). */
const WIRE_INSTITUTION = /^[A-Za-z0-9_.-]{1,100}$/;

/** POST /v3/oauth/state: a state for the bank's OAuth page. */
export const oauthStateBodySchema = body({
  institution: v.pipe(v.string(), v.regex(WIRE_INSTITUTION)),
  /** Anything but `en` or `fr` is no refusal: the session's language (or English) is used. */
  language: v.fallback(v.optional(language), undefined),
  /** Whole-window flow: the page the bank sends the window back to (checked against the allowed origins). */
  returnTo: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2048)))),
});

/** An OAuth state as the connect server mints it: 32 random bytes, base64url. */
export const WIRE_OAUTH_STATE = /^[A-Za-z0-9_-]{43}$/;

/** POST /v3/oauth/redeem: the outcome of a return, for the one-time code the returning browser got. */
export const oauthRedeemBodySchema = body({
  state: v.pipe(v.string(), v.regex(WIRE_OAUTH_STATE)),
  code: v.pipe(v.string(), v.maxLength(128)),
});

export type OAuthStateBody = v.InferInput<typeof oauthStateBodySchema>;
export type OAuthRedeemBody = v.InferOutput<typeof oauthRedeemBodySchema>;

/** What the bank said, as the return passed it on: a LoginId and its institution, or the bank's error word. */
export const oauthOutcomeSchema = v.union([
  v.object({ loginId: v.string(), institution: v.string() }),
  v.object({ error: v.string() }),
]);

export type OAuthOutcome = v.InferOutput<typeof oauthOutcomeSchema>;

/** What the return page posts to the widget's window, at its exact origin only. */
export const oauthReturnMessageSchema = v.intersect([
  v.object({
    source: v.literal(OAUTH_MESSAGE_SOURCE),
    version: v.literal(1),
    state: v.string(),
    /** The one-time code `/v3/oauth/redeem` needs to hand over the outcome (absent on a replayed return). */
    code: v.optional(v.string()),
  }),
  oauthOutcomeSchema,
]);

export type OAuthReturnMessage = v.InferOutput<typeof oauthReturnMessageSchema>;

export const MAX_SESSION_SECONDS = 1800;
const SESSION_TAG_MAX = 200;

/** The origin of an absolute address (`https://app.example.com/checkout` gives `https://app.example.com`), else null. */
function originOf(address: string): string | null {
  try {
    const { origin } = new URL(address);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

const SESSION_FIELDS = [
  'parentOrigin',
  'language',
  'tag',
  'save',
  'scheduleRefresh',
  'loginId',
  'requestId',
  'expiresInSeconds',
] as const;

const unknownFields = (value: Record<string, unknown>) =>
  Object.keys(value).filter((key) => !(SESSION_FIELDS as readonly string[]).includes(key));

const sessionId = (name: string) => {
  const problem = `${name} must be an id such as a Flinks GUID.`;
  return v.optional(v.pipe(v.string(problem), v.regex(WIRE_ID, problem)));
};
const sessionFlag = (name: string) => v.optional(v.boolean(`${name} must be true or false.`));
const expiresProblem = `expiresInSeconds must be a whole number from 1 to ${MAX_SESSION_SECONDS}.`;
const tagProblem = `tag must be a string of at most ${SESSION_TAG_MAX} characters.`;

/** The words for a `parentOrigin` that is no page's origin, or not one of CONNECT_ALLOWED_ORIGINS. */
const PARENT_ORIGIN_PROBLEM =
  'parentOrigin must be the origin (or an address) of a page on one of the origins in CONNECT_ALLOWED_ORIGINS, such as https://app.example.com.';

/**
 * `POST /connect/sessions` (CONTRACT §7), what the partner's backend sends besides its API key. Each problem is said
 * in words a partner can act on. `parentOrigin` comes out as an origin (an address on it counts as it) and, when
 * `allowedOrigins` (CONNECT_ALLOWED_ORIGINS) is given, must be one of them.
 */
export function sessionRequestSchema(allowedOrigins?: readonly string[]) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'The body must be a JSON object.'),
    v.check(
      (input) => unknownFields(input).length === 0,
      (issue) => `Unknown field: ${unknownFields(issue.input as Record<string, unknown>).join(', ')}.`,
    ),
    v.object(
      {
        parentOrigin: v.pipe(
          v.string(PARENT_ORIGIN_PROBLEM),
          v.rawTransform(({ dataset, addIssue, NEVER }) => {
            const origin = originOf(dataset.value);
            if (origin !== null && (allowedOrigins === undefined || allowedOrigins.includes(origin)))
              return origin;
            addIssue({ message: PARENT_ORIGIN_PROBLEM });
            return NEVER;
          }),
        ),
        language: v.optional(
          v.picklist(LANGUAGES, `language must be ${LANGUAGES.map((known) => `"${known}"`).join(' or ')}.`),
        ),
        tag: v.optional(v.pipe(v.string(tagProblem), v.maxLength(SESSION_TAG_MAX, tagProblem))),
        save: sessionFlag('save'),
        scheduleRefresh: sessionFlag('scheduleRefresh'),
        loginId: sessionId('loginId'),
        requestId: sessionId('requestId'),
        expiresInSeconds: v.optional(
          v.pipe(
            v.number(expiresProblem),
            v.integer(expiresProblem),
            v.minValue(1, expiresProblem),
            v.maxValue(MAX_SESSION_SECONDS, expiresProblem),
          ),
        ),
      },
      // The only required field: its absence is said like a wrong one.
      PARENT_ORIGIN_PROBLEM,
    ),
    v.check(
      (request) => request.loginId === undefined || request.requestId === undefined,
      'A session reconnects a loginId or resumes a requestId, not both.',
    ),
  );
}

export type SessionRequest = v.InferOutput<ReturnType<typeof sessionRequestSchema>>;

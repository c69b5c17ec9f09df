import * as v from 'valibot';
import { invalidRequest, type SandboxError } from './errors';
import { LANGUAGES } from '../i18n/types';

const text = v.nullish(v.string());
const flag = v.nullish(v.boolean());

/** POST /Authorize: every field optional here; which ones a call needs depends on its kind (credentials, MFA, cached). */
export const AuthorizeBody = v.object({
  Institution: text,
  Username: text,
  Password: text,
  Language: v.nullish(v.picklist(LANGUAGES)),
  Save: flag,
  MostRecentCached: flag,
  LoginId: text,
  Tag: text,
  ScheduleRefresh: flag,
  RequestId: text,
  SecurityResponses: v.nullish(v.record(v.string(), v.array(v.string()))),
});

export type AuthorizeInput = v.InferOutput<typeof AuthorizeBody>;

/** POST /GetAccountsDetail. */
export const AccountsDetailBody = v.object({
  RequestId: v.string(),
  WithAccountIdentity: flag,
  WithKYC: flag,
  WithTransactions: flag,
  WithBalance: flag,
  DaysOfTransactions: v.nullish(v.picklist(['Days90', 'Days365'])),
  AccountsFilter: v.nullish(v.array(v.string())),
  MostRecentCached: flag,
});

/** POST /GetAccountsSummary. */
export const AccountsSummaryBody = v.object({ RequestId: v.string() });

/** POST /GetStatements. */
export const StatementsBody = v.object({
  RequestId: v.string(),
  NumberOfStatements: v.nullish(v.picklist(['MostRecent', 'Months3', 'Months12'])),
});

/** PATCH /AnswerMFAQuestions (Enhanced MFA): an answer to each stored security question of a login. */
export const AnswerMfaQuestionsBody = v.object({
  LoginId: v.string(),
  Questions: v.array(v.object({ Question: v.string(), Answer: v.string() })),
});

function describe(issue: v.BaseIssue<unknown>): string {
  const field = v.getDotPath(issue);
  if (field === null) return 'The request body must be a JSON object';
  if (issue.received === 'undefined') return `The field ${field} is required`;
  return `The field ${field} must be ${issue.expected ?? 'of another type'}, not ${issue.received}`;
}

/** Parses a JSON body against a schema; any failure is a 400 INVALID_REQUEST naming what is wrong. */
export function parseBody<S extends v.GenericSchema>(
  schema: S,
  raw: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: SandboxError } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: invalidRequest('The request body is not valid JSON') };
  }
  const result = v.safeParse(schema, json);
  if (result.success) return { ok: true, value: result.output };
  const [first] = result.issues;
  return { ok: false, error: invalidRequest(describe(first)) };
}

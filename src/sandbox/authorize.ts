import type { AuthorizeSuccessBody, ChallengeBody, PendingBody } from '../api/types';
import {
  CHALLENGES,
  challengesOf,
  checkRound,
  inLanguage,
  type Round,
  type SandboxLanguage,
} from './challenges';
import { errorReply, inSessionLanguage, type Reply, type SandboxContext } from './context';
import { invalidRequest, SANDBOX_MESSAGES, sandboxError } from './errors';
import { newGuid } from './ids';
import { institutionFor } from './institutions';
import {
  canonicalUsername,
  personaFor,
  SANDBOX_PASSWORD,
  type RoundPlan,
  type SandboxPersona,
} from './personas';
import { authorizeBodySchema, type AuthorizeBody } from '../api/wire';
import { parseBody } from './schemas';
import { accountKey, type AccountRef, type LoginRecord, type Session } from './store';

/** What the request log may learn from an Authorize call (never a password, an answer or a token). */
export interface AuthorizeTrace {
  username?: string;
  requestId?: string;
}

type Challenged = Extract<Session, { state: 'challenged' }>;
type Authorized = Extract<Session, { state: 'authorized' }>;

function linksOf(): AuthorizeSuccessBody['Links'] {
  return [
    { rel: 'AccountsDetail', href: '/GetAccountsDetail', example: null },
    { rel: 'AccountsSummary', href: '/GetAccountsSummary', example: null },
    { rel: 'Statements', href: '/GetStatements', example: null },
  ];
}

function successReply(session: Authorized, login: LoginRecord): Reply {
  const body: AuthorizeSuccessBody = {
    HttpStatusCode: 200,
    Login: {
      Id: login.id,
      Username: login.account.username,
      IsScheduledRefresh: false,
      LastRefresh: new Date(login.lastLiveAuthAt).toISOString(),
      Type: 'Personal',
    },
    Institution: login.account.institution.id,
    InstitutionId: login.account.institution.numericId,
    RequestId: session.requestId,
    Links: linksOf(),
    ...(login.tag !== undefined ? { Tag: login.tag } : {}),
  };
  return { status: 200, body };
}

function challengeReply(session: Challenged): Reply {
  const body: ChallengeBody = {
    HttpStatusCode: 203,
    RequestId: session.requestId,
    Institution: session.account.institution.id,
    SecurityChallenges: challengesOf(session.rounds[0]),
  };
  return { status: 203, body };
}

function pendingReply(requestId: string): Reply {
  const body: PendingBody = {
    HttpStatusCode: 202,
    FlinksCode: 'OPERATION_PENDING',
    Message: SANDBOX_MESSAGES.OPERATION_PENDING,
    RequestId: requestId,
  };
  return { status: 202, body };
}

function roundOf(plan: RoundPlan, ctx: SandboxContext, language: SandboxLanguage): Round {
  if ('ask' in plan) return plan.ask.map((name) => inLanguage(CHALLENGES[name], language));
  const drawn = ctx.question ?? Math.floor(ctx.random() * plan.askOneOf.length);
  const index = Math.min(plan.askOneOf.length - 1, drawn);
  const name = plan.askOneOf[index];
  return name === undefined ? [] : [inLanguage(CHALLENGES[name], language)];
}

/** Holds the account "at the bank" for the simulated latency; a second call for it meanwhile is CONCURRENT_SESSION. */
async function atTheBank(
  ctx: SandboxContext,
  account: AccountRef,
  requestId: string | undefined,
  work: () => Reply,
) {
  if (ctx.store.inFlight.has(account.key))
    return errorReply(sandboxError(401, 'CONCURRENT_SESSION'), requestId);
  ctx.store.inFlight.add(account.key);
  try {
    await ctx.sleep(ctx.latencyMs);
  } finally {
    ctx.store.inFlight.delete(account.key);
  }
  return work();
}

/** What every session starts from. */
type SessionBase = Pick<Session, 'requestId' | 'account' | 'persona' | 'language'>;

/** Marks a session authorized: the login is created or refreshed, and the data is ready now or after the window. */
function authorize(ctx: SandboxContext, base: SessionBase): Reply {
  const now = ctx.now();
  const login = ctx.store.recordLiveAuthorization(base.account, base.persona, now, base.language);
  const waits = base.persona.data.kind === 'pending' || base.persona.data.kind === 'dispatched';
  const session: Authorized = {
    state: 'authorized',
    requestId: base.requestId,
    account: base.account,
    persona: base.persona,
    lastActiveAt: now,
    language: base.language,
    loginId: login.id,
    dataReadyAt: waits ? now + ctx.pendingMs : now,
  };
  ctx.store.putSession(session);
  return successReply(session, login);
}

/** A live login whose credentials the bank accepted: the persona decides what follows. */
function startLogin(
  ctx: SandboxContext,
  account: AccountRef,
  persona: SandboxPersona,
  language: SandboxLanguage,
): Reply {
  const requestId = newGuid();
  const outcome = persona.login;
  if (outcome.kind === 'error') return errorReply(sandboxError(outcome.status, outcome.code), requestId);
  const base: SessionBase = { requestId, account, persona, language };
  const [first, ...rest] =
    outcome.kind === 'mfa' ? outcome.rounds.map((plan) => roundOf(plan, ctx, language)) : [];
  if (first === undefined) return authorize(ctx, base);
  const session: Challenged = {
    ...base,
    state: 'challenged',
    lastActiveAt: ctx.now(),
    rounds: [first, ...rest],
  };
  ctx.store.putSession(session);
  return challengeReply(session);
}

function credentialsLogin(
  ctx: SandboxContext,
  input: { institution: string; username: string; password: string; language: SandboxLanguage },
  trace: AuthorizeTrace,
): Promise<Reply> | Reply {
  const institution = institutionFor(input.institution);
  if (!institution)
    return errorReply(invalidRequest(`The Institution ${input.institution} is not supported`));
  trace.username = input.username;
  const persona = personaFor(input.username);
  const canonical = canonicalUsername(input.username);
  const account: AccountRef = {
    key: accountKey(institution, canonical),
    institution,
    username: persona?.username ?? input.username.trim(),
  };
  return atTheBank(ctx, account, undefined, () => {
    if (!persona) return errorReply(sandboxError(401, 'INVALID_USERNAME'));
    if (input.password !== SANDBOX_PASSWORD) return errorReply(sandboxError(401, 'INVALID_PASSWORD'));
    return startLogin(ctx, account, persona, input.language);
  });
}

function loginIdLogin(
  ctx: SandboxContext,
  loginId: string,
  cached: boolean,
  language: SandboxLanguage,
  trace: AuthorizeTrace,
) {
  const login = ctx.store.login(loginId);
  if (!login) return errorReply(sandboxError(400, 'INVALID_LOGIN', SANDBOX_MESSAGES.INVALID_LOGIN_ID));
  trace.username = login.account.username;
  return atTheBank(ctx, login.account, undefined, () => {
    if (!cached) return startLogin(ctx, login.account, login.persona, language);
    const now = ctx.now();
    const readyAt = login.lastLiveAuthAt + ctx.pendingMs;
    const session: Authorized = {
      state: 'authorized',
      requestId: newGuid(),
      account: login.account,
      persona: login.persona,
      lastActiveAt: now,
      language,
      loginId: login.id,
      dataReadyAt: Math.max(now, readyAt),
    };
    ctx.store.putSession(session);
    return now < readyAt ? pendingReply(session.requestId) : successReply(session, login);
  });
}

function answerChallenges(
  ctx: SandboxContext,
  requestId: string,
  responses: Record<string, string[]> | null | undefined,
  trace: AuthorizeTrace,
): Promise<Reply> | Reply {
  const found = ctx.store.touchSession(requestId, ctx.now());
  if (found.kind === 'nonexistent') return errorReply(sandboxError(400, 'SESSION_NONEXISTENT'), requestId);
  if (found.kind === 'expired') return errorReply(sandboxError(401, 'SESSION_EXPIRED'), requestId);
  const session = found.session;
  trace.username = session.account.username;
  if (session.state === 'authorized') return errorReply(sandboxError(401, 'ALREADY_AUTHORIZED'), requestId);
  // Without answers this is a resume (e.g. the widget reloaded with ?requestId=): ask the current round again.
  if (!responses) return challengeReply(session);
  return atTheBank(ctx, session.account, requestId, () => {
    const verdict = checkRound(session.rounds[0], responses, session.language);
    session.lastActiveAt = ctx.now();
    if (verdict.kind === 'rejected') {
      if (
        verdict.code === 'INVALID_SECURITY_RESPONSE' &&
        session.persona.login.kind === 'mfa' &&
        session.persona.login.noRetry
      ) {
        ctx.store.closeSession(requestId);
        return errorReply(sandboxError(401, 'INVALID_SECURITY_RESPONSE_NO_RETRY'), requestId);
      }
      return errorReply(sandboxError(401, verdict.code), requestId);
    }
    const [, ...later] = session.rounds;
    const [next, ...rest] = [...verdict.followUp, ...later];
    if (next === undefined) return authorize(ctx, session);
    session.rounds = [next, ...rest];
    return challengeReply(session);
  });
}

/**
 * POST /Authorize, in all its forms: credentials (live), `LoginId` (+ `MostRecentCached` for cached data),
 * `RequestId` + `SecurityResponses` (MFA answers), or `RequestId` alone (resume at the current MFA round).
 */
export async function handleAuthorize(
  ctx: SandboxContext,
  raw: string,
  authorizeToken: string | null,
  trace: AuthorizeTrace,
): Promise<Reply> {
  if (authorizeToken !== null && !ctx.store.spendToken(authorizeToken, ctx.now())) {
    return errorReply(sandboxError(401, 'ACCESS_DENIED'));
  }
  const parsed = parseBody(authorizeBodySchema, raw);
  if (!parsed.ok) return errorReply(parsed.error);
  const input = parsed.value;
  // An open session keeps the language it began in: its prompts are the keys of the answers.
  const language: SandboxLanguage =
    (input.RequestId ? ctx.store.sessions.get(input.RequestId)?.language : undefined) ??
    input.Language ??
    'en';
  return inSessionLanguage(await authorizeIn(ctx, input, language, trace), language);
}

async function authorizeIn(
  ctx: SandboxContext,
  input: AuthorizeBody,
  language: SandboxLanguage,
  trace: AuthorizeTrace,
): Promise<Reply> {
  if (input.RequestId) {
    trace.requestId = input.RequestId;
    return answerChallenges(ctx, input.RequestId, input.SecurityResponses, trace);
  }
  if (input.SecurityResponses) {
    return errorReply(invalidRequest('The field RequestId is required to answer security challenges'));
  }
  if (input.LoginId)
    return loginIdLogin(ctx, input.LoginId, input.MostRecentCached === true, language, trace);

  const missing = (['Institution', 'Username', 'Password'] as const).filter((field) => !input[field]?.trim());
  if (missing.length > 0) {
    return errorReply(invalidRequest(`The credentials are missing or incomplete: ${missing.join(', ')}`));
  }
  return credentialsLogin(
    ctx,
    {
      institution: input.Institution ?? '',
      username: input.Username ?? '',
      password: input.Password ?? '',
      language,
    },
    trace,
  );
}

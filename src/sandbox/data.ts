import type { AccountsBody, PendingBody } from '../api/types';
import { accountsFor, type AccountsQuery } from './accounts';
import { errorReply, inSessionLanguage, type Reply, type SandboxContext } from './context';
import { SANDBOX_MESSAGES, sandboxError } from './errors';
import { accountsDetailBodySchema, accountsSummaryBodySchema, statementsBodySchema } from '../api/wire';
import { parseBody } from './schemas';
import type { Session } from './store';

/** Which data call: the detail or the summary, the synchronous one or its Async twin. */
export interface DataCall {
  kind: 'detail' | 'summary';
  async: boolean;
}

const SUMMARY: AccountsQuery = {
  days: 90,
  withTransactions: false,
  withBalance: true,
  withAccountIdentity: false,
};

function pendingReply(code: PendingBody['FlinksCode'], requestId: string): Reply {
  const body: PendingBody = {
    HttpStatusCode: 202,
    FlinksCode: code,
    Message: SANDBOX_MESSAGES[code],
    RequestId: requestId,
  };
  return { status: 202, body };
}

/** The account data of an authorized RequestId, or why it is not available (yet). */
function accountsData(ctx: SandboxContext, call: DataCall, requestId: string, query: AccountsQuery): Reply {
  const now = ctx.now();
  const found = ctx.store.touchSession(requestId, now);
  if (found.kind === 'nonexistent') return errorReply(sandboxError(400, 'SESSION_NONEXISTENT'), requestId);
  if (found.kind === 'expired') return errorReply(sandboxError(401, 'SESSION_EXPIRED'), requestId);
  return inSessionLanguage(sessionData(ctx, call, found.session, query, now), found.session.language);
}

function sessionData(
  ctx: SandboxContext,
  call: DataCall,
  session: Session,
  query: AccountsQuery,
  now: number,
): Reply {
  const { requestId } = session;
  if (session.state !== 'authorized') return errorReply(sandboxError(401, 'UNAUTHORIZED'), requestId);

  const outcome = session.persona.data;
  if (outcome.kind === 'error') return errorReply(sandboxError(outcome.status, outcome.code), requestId);
  const login = ctx.store.login(session.loginId);
  if (!login)
    return errorReply(sandboxError(400, 'INVALID_LOGIN', SANDBOX_MESSAGES.INVALID_LOGIN_ID), requestId);
  const waitCode = outcome.kind === 'dispatched' ? 'OPERATION_DISPATCHED' : 'OPERATION_PENDING';
  if (outcome.kind === 'dispatched' && !call.async) return pendingReply(waitCode, requestId);
  if (now < session.dataReadyAt) return pendingReply(waitCode, requestId);

  const body: AccountsBody = {
    HttpStatusCode: 200,
    Accounts: accountsFor(
      {
        loginId: login.id,
        asOf: login.createdAt,
        institutionName: login.account.institution.name.en,
        institutionNumber: login.account.institution.institutionNumber,
        ...(login.persona.accountCount === undefined ? {} : { count: login.persona.accountCount }),
        language: session.language,
      },
      call.kind === 'summary' ? SUMMARY : query,
    ),
    Login: {
      Id: login.id,
      Username: login.account.username,
      IsScheduledRefresh: false,
      LastRefresh: new Date(login.lastLiveAuthAt).toISOString(),
      Type: 'Personal',
    },
    Institution: login.account.institution.id,
    RequestId: requestId,
  };
  return { status: 200, body };
}

/** POST /GetAccountsDetail: the options of the body shape the accounts (all included unless turned off). */
export function handleAccountsDetail(ctx: SandboxContext, raw: string, trace: { requestId?: string }): Reply {
  const parsed = parseBody(accountsDetailBodySchema, raw);
  if (!parsed.ok) return errorReply(parsed.error);
  const input = parsed.value;
  trace.requestId = input.RequestId;
  return accountsData(ctx, { kind: 'detail', async: false }, input.RequestId, {
    days: input.DaysOfTransactions === 'Days365' ? 365 : 90,
    withTransactions: input.WithTransactions !== false,
    withBalance: input.WithBalance !== false,
    withAccountIdentity: input.WithAccountIdentity !== false,
    ...(input.AccountsFilter ? { filter: input.AccountsFilter } : {}),
  });
}

/** POST /GetAccountsSummary. */
export function handleAccountsSummary(
  ctx: SandboxContext,
  raw: string,
  trace: { requestId?: string },
): Reply {
  const parsed = parseBody(accountsSummaryBodySchema, raw);
  if (!parsed.ok) return errorReply(parsed.error);
  trace.requestId = parsed.value.RequestId;
  return accountsData(ctx, { kind: 'summary', async: false }, parsed.value.RequestId, SUMMARY);
}

const STATEMENT_COUNTS = { MostRecent: 1, Months3: 3, Months12: 12 } as const;

/**
 * POST /GetStatements: one PDF statement per month asked for (`NumberOfStatements`, default Months3), per account,
 * once the login's data is ready. The sandbox's "PDF" is a short placeholder; its shape is what a partner parses.
 */
export function handleStatements(ctx: SandboxContext, raw: string, trace: { requestId?: string }): Reply {
  const parsed = parseBody(statementsBodySchema, raw);
  if (!parsed.ok) return errorReply(parsed.error);
  const { RequestId: requestId, NumberOfStatements: asked } = parsed.value;
  trace.requestId = requestId;
  const data = accountsData(ctx, { kind: 'summary', async: false }, requestId, SUMMARY);
  if (data.status !== 200) return data;
  const count = STATEMENT_COUNTS[asked ?? 'Months3'];
  const { Accounts: accounts } = data.body as AccountsBody;
  const body = {
    HttpStatusCode: 200,
    RequestId: requestId,
    StatementsByAccount: accounts.map((account) => ({
      AccountNumber: account.AccountNumber,
      Statements: Array.from({ length: count }, (_unused, month) => ({
        UniqueId: `${account.Id}-statement-${month + 1}`,
        FileType: 'PDF',
        Base64Bytes: btoa(`%PDF-1.4 sandbox statement ${month + 1} of ${account.Title}`),
      })),
    })),
  };
  return { status: 200, body };
}

/** GET /GetAccountsDetailAsync/:requestId and GET /GetAccountsSummaryAsync/:requestId. */
export function handleAccountsAsync(ctx: SandboxContext, kind: DataCall['kind'], requestId: string): Reply {
  const query: AccountsQuery = {
    days: 90,
    withTransactions: true,
    withBalance: true,
    withAccountIdentity: true,
  };
  return accountsData(ctx, { kind, async: true }, requestId, query);
}

/** DELETE /DeleteCard/:loginId: refused while the login is still processing its latest authorization. */
export function handleDeleteCard(ctx: SandboxContext, loginId: string): Reply {
  const login = ctx.store.login(loginId);
  if (!login) return errorReply(sandboxError(400, 'INVALID_LOGIN', SANDBOX_MESSAGES.INVALID_LOGIN_ID));
  if (ctx.now() < login.lastLiveAuthAt + ctx.pendingMs) return errorReply(sandboxError(400, 'CARD_IN_USE'));
  ctx.store.deleteLogin(login);
  return {
    status: 200,
    body: {
      HttpStatusCode: 200,
      Message: `All of the information about LoginId ${loginId} has been removed`,
    },
  };
}

/** POST /GenerateAuthorizeToken: any non-empty secret key mints a single-use token. */
export function handleGenerateToken(ctx: SandboxContext, secretKey: string | null): Reply {
  if (!secretKey?.trim())
    return errorReply(sandboxError(401, 'ACCESS_DENIED', SANDBOX_MESSAGES.ACCESS_DENIED_SECRET));
  return { status: 200, body: { HttpStatusCode: 200, Token: ctx.store.mintToken(ctx.now()) } };
}

import type {
  ApiError,
  CallOptions,
  CatalogResult,
  OAuthRedeemResult,
  OAuthReturnTicket,
  OAuthStartRequest,
  OAuthStartResult,
  Pending,
} from './types';
import { malformed, withoutCode } from './answers';
import type { Call, Exchange } from './exchange';
import type { OAuthRedeemBody, OAuthStateBody } from './wire';

/**
 * The client's OAuth and catalog calls, in a chunk of their own: a person who signs in with credentials never
 * downloads them. The client hands over its transport (`send`) and its reading of Flinks codes (`answerOf`).
 */

type Send = (call: Call, options: CallOptions | undefined) => Promise<Exchange | ApiError>;
type AnswerOf = (call: Call, options: CallOptions | undefined) => Promise<Exchange | Pending | ApiError>;

export async function oauthStart(
  answerOf: AnswerOf,
  oauthBase: string,
  request: OAuthStartRequest,
  callOptions: CallOptions | undefined,
): Promise<OAuthStartResult> {
  const call: Call = {
    method: 'POST',
    path: 'oauth/state',
    url: `${oauthBase}/state`,
    requestId: null,
    secrets: [],
    body: {
      institution: request.institution,
      language: request.language ?? 'en',
      ...(request.returnTo ? { returnTo: request.returnTo } : {}),
    } satisfies OAuthStateBody,
  };
  const answer = await answerOf(call, callOptions);
  if (answer.kind !== 'exchange') return answer.kind === 'pending' ? unexpectedPending(answer) : answer;
  if (answer.status !== 201) return withoutCode(answer);
  const body = answer.json as { state?: unknown; authorizeUrl?: unknown } | null;
  const state = body?.state;
  const authorizeUrl = body?.authorizeUrl;
  if (typeof state !== 'string' || typeof authorizeUrl !== 'string' || !/^https?:\/\//.test(authorizeUrl)) {
    return malformed(
      answer.context,
      answer.status,
      'The OAuth state answer has no state or no bank page address.',
    );
  }
  return { kind: 'oauthStarted', state, authorizeUrl };
}

export async function institutionCatalog(
  send: Send,
  oauthBase: string,
  callOptions: CallOptions | undefined,
): Promise<CatalogResult> {
  const call: Call = {
    method: 'GET',
    path: 'institutions',
    url: `${oauthBase.replace(/\/oauth$/, '')}/institutions`,
    requestId: null,
    secrets: [],
  };
  const answer = await send(call, callOptions);
  if (answer.kind === 'error') return answer;
  if (answer.status !== 200 || !Array.isArray(answer.json)) return withoutCode(answer);
  return { kind: 'catalog', entries: answer.json as unknown[] };
}

export async function oauthRedeem(
  answerOf: AnswerOf,
  oauthBase: string,
  { state, code }: OAuthReturnTicket,
  callOptions: CallOptions | undefined,
): Promise<OAuthRedeemResult> {
  const call: Call = {
    method: 'POST',
    path: 'oauth/redeem',
    url: `${oauthBase}/redeem`,
    requestId: null,
    secrets: [],
    body: { state, code } satisfies OAuthRedeemBody,
  };
  const answer = await answerOf(call, callOptions);
  if (answer.kind !== 'exchange') return answer.kind === 'pending' ? unexpectedPending(answer) : answer;
  if (answer.status !== 200) return withoutCode(answer);
  const body = answer.json as { loginId?: unknown; institution?: unknown; error?: unknown } | null;
  if (typeof body?.loginId === 'string' && typeof body.institution === 'string') {
    return { kind: 'oauthOutcome', outcome: { loginId: body.loginId, institution: body.institution } };
  }
  if (typeof body?.error === 'string') return { kind: 'oauthOutcome', outcome: { error: body.error } };
  return malformed(answer.context, answer.status, 'The OAuth outcome has neither a LoginId nor an error.');
}

/** A 202 where none can be: said as what it is, an answer the widget cannot use. */
function unexpectedPending(pending: Pending): ApiError {
  return {
    kind: 'error',
    httpStatus: 202,
    flinksCode: 'MALFORMED_RESPONSE',
    message: `An OAuth call answered ${pending.flinksCode}.`,
    requestId: pending.requestId,
    cause: 'malformed',
  };
}

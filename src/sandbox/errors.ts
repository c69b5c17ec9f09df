import type { ErrorBody } from '../api/types';

/**
 * The Message of every error the sandbox sends. Seed rows keep the seed's words: its Message column where it holds
 * a message, its Description where the columns are shifted (CARD_IN_USE onward). Codes the seed lacks get one
 * sentence in the same voice.
 */
export const SANDBOX_MESSAGES = {
  OPERATION_PENDING: 'Your operation is still processing.',
  OPERATION_DISPATCHED: 'Your operations had been dispatched to background process for long running jobs',
  INVALID_LOGIN: 'The card number (username) or password provided is invalid',
  INVALID_LOGIN_ID: 'The LoginId provided is either invalid or does not belong to the CustomerId',
  SESSION_NONEXISTENT: 'Inputs session id or card if were not found.',
  CARD_IN_USE: 'An operation was requested while the account is still being processed.',
  INVALID_USERNAME: 'The username provided was different from what the bank expected',
  INVALID_PASSWORD: 'The password provided was different from what the bank expected',
  INVALID_SECURITY_RESPONSE: 'The MFA response provided was different from what the bank expected',
  QUESTION_NOT_FOUND: "The MFA prompt doesn't have a stored answer",
  RETRY_LATER: 'Flinks was not able to open a connection with the selected financial institution',
  UNKNOWN_CHALLENGE_KEY:
    'One or more of the Security Challenge Prompts required are missing in the provided response',
  CONCURRENT_SESSION: 'Another session is already opened with this LoginId',
  UNAUTHORIZED: 'You need to be authorized in the bank account before going further.',
  DISABLED_LOGIN:
    'The account has been deactivated by the financial institution. The account holder must contact their bank',
  NEW_ACCOUNT:
    'The end user must take action directly on their online banking before connecting and account with Flinks',
  SESSION_EXPIRED:
    'The RequestId expired after 8 mins of inactivity during Authorize or 30 mins timeout for data processing',
  ALREADY_AUTHORIZED: 'When the /Authorize endpoint is called after the user has already been authorized',
  SECURITYRESPONSES_INCOMPLETE: 'Not all the prompted MFA questions had answers in the reponse request',
  ACCESS_DENIED: 'You must provide a valid authorize token',
  ACCESS_DENIED_SECRET: 'You must provide a valid secret key to generate an authorize token',
  INVALID_SECURITY_RESPONSE_NO_RETRY:
    'The MFA response provided was different from what the bank expected and no other attempt is allowed',
  TOO_MANY_REQUESTS: 'Too many requests were made in a short period of time, wait before trying again',
  DISABLED_INSTITUTION: 'The selected financial institution is currently disabled',
  AGGREGATION_ERROR: 'An unexpected error occurred while gathering the data from the financial institution',
  NO_TRANSACTION: 'The accounts do not have enough transactions to process the request',
  METHOD_NOT_AVAILABLE: 'The requested method is not available for this CustomerId',
  SOMETHING_NEW: 'The financial institution answered with a situation Flinks has not classified yet',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the 1 MB allowed',
  NOT_FOUND: 'The requested endpoint does not exist',
} as const;

export type SandboxMessageKey = keyof typeof SANDBOX_MESSAGES;

/** An error the sandbox answers with: the HTTP status, the FlinksCode and its Message. */
export interface SandboxError {
  status: number;
  code: string;
  message: string;
}

export function sandboxError(status: number, code: string, message?: string): SandboxError {
  const fallback = code in SANDBOX_MESSAGES ? SANDBOX_MESSAGES[code as SandboxMessageKey] : undefined;
  return { status, code, message: message ?? fallback ?? SANDBOX_MESSAGES.SOMETHING_NEW };
}

/** 400 INVALID_REQUEST with a message that names what is wrong, as Flinks does. */
export function invalidRequest(message: string): SandboxError {
  return { status: 400, code: 'INVALID_REQUEST', message };
}

export function errorBody(error: SandboxError, requestId: string | undefined): ErrorBody {
  return {
    HttpStatusCode: error.status,
    FlinksCode: error.code,
    Message: error.message,
    ...(requestId === undefined ? {} : { RequestId: requestId }),
  };
}

import type { FlinksCode } from '../api/codes';
import { guidanceEntryFor } from '../guidance';
import type { FlowState, StepName } from './state';

/** What `onSuccess` receives: the LoginId to keep server-side, and where it came from. */
export interface ConnectSuccessMetadata {
  loginId: string;
  requestId: string;
  institution: string | null;
  /** The account the person picked, with `accountSelectorEnable`. */
  accountId?: string;
}

/** Why the person left with a problem on screen. `developerMessage` is for logs, never for the person. */
export interface ConnectExitError {
  flinksCode: FlinksCode;
  developerMessage: string;
  requestId: string | null;
}

/** Where the person left. */
export interface ConnectExitMetadata {
  step: StepName;
  institution: string | null;
  requestId: string | null;
  flinksCode?: FlinksCode;
  developerMessage?: string;
}

/** The `onExit` arguments for a closed connection. */
export function exitReport(
  state: Extract<FlowState, { step: 'closed' }>,
): [error: ConnectExitError | null, metadata: ConnectExitMetadata] {
  const { ctx, error } = state;
  const base = { step: state.from, institution: ctx.institution };
  if (!error) return [null, { ...base, requestId: ctx.requestId }];
  const developerMessage = guidanceEntryFor(error.code).developerMessage;
  return [
    { flinksCode: error.code, developerMessage, requestId: error.requestId },
    { ...base, requestId: error.requestId, flinksCode: error.code, developerMessage },
  ];
}

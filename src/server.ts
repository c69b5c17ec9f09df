/*
 * `@connect-widget/react/server`: what a server needs, safe to import from Node, an edge runtime or a React Server
 * Component (no React, no `window`): the connect-session creator, the event and error vocabulary, and the guidance
 * map as data.
 */

export {
  ConnectSessionError,
  createConnectSession,
  revokeConnectSession,
  type ConnectSession,
  type ConnectSessionRequest,
  type CreateConnectSessionOptions,
  type RevokeConnectSessionOptions,
} from './session/create';

export {
  CONNECT_EVENT_NAMES,
  type ConnectEvent,
  type ConnectEventArgs,
  type ConnectEventHandler,
  type ConnectEventMetadata,
  type ConnectEventName,
} from './flow/events';
export type { ConnectExitError, ConnectExitMetadata, ConnectSuccessMetadata } from './flow/host';
export type { StepName as ConnectStepName } from './flow/state';
export { isKnownFlinksCode, KNOWN_FLINKS_CODES, type FlinksCode, type KnownFlinksCode } from './api/codes';
export { GUIDANCE, type GuidanceCode } from './guidance/map';
export type { GuidanceAction, GuidanceEntry, GuidanceKind, RetryPolicy } from './guidance/types';
export type { Language } from './i18n/types';

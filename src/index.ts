// The public API of the library: named exports only. Anything not listed here is internal and may change.

export { ConnectWidget, type ConnectWidgetProps } from './ConnectWidget';
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

export { createFlinksClient, DEFAULT_TIMEOUT_MS, isKnownFlinksCode, KNOWN_FLINKS_CODES } from './api';
export type * from './api/types';
export type { FlinksCode, KnownFlinksCode } from './api/codes';

export { GUIDANCE, guidanceFor, referenceFor } from './guidance';
export type {
  GuidanceAction,
  GuidanceCode,
  GuidanceEntry,
  GuidanceKind,
  GuidanceOverrides,
  GuidanceText,
  GuidanceVariant,
  ResolvedGuidance,
  RetryPolicy,
} from './guidance';

export type { Language } from './i18n';

export {
  ConnectFrame,
  type ConnectFrameProps,
  type ConnectHandlers,
  type ExitMetadata,
  type WidgetError,
  type WidgetMessage,
  type WidgetSuccess,
} from './embed';

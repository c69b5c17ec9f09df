/*
 * `@connect-widget/react`: the widget for React apps (a client entry: 'use client' in the build). Named exports
 * only; anything not listed here is internal and may change. What a server needs is in `@connect-widget/react/server`,
 * the sandbox bank for tests in `@connect-widget/react/sandbox`. api/index.api.md records this surface.
 */

/** The widget itself, rendered in your page. */
export { ConnectWidget, type ConnectWidgetProps } from './ConnectWidget';
/** The bank catalog as react-query options: prefetch it, or share it with the widget through `queryClient`. */
export {
  connectInstitutionsQuery,
  type ConnectInstitutionsKey,
  type ConnectInstitutionsQuery,
  type ConnectInstitutionsQueryOptions,
} from './institutions/query';
export type { Institution } from './institutions/types';
/** The widget in an iframe served by the widget's server (`/embed.html`), for pages that cannot host it directly. */
export {
  ConnectFrame,
  type ConnectFrameProps,
  type ConnectHandlers,
  type ExitMetadata,
  type WidgetError,
  type WidgetMessage,
  type WidgetSuccess,
} from './embed';

/** The events of `onEvent` (CONTRACT §4) and what `onSuccess` and `onExit` receive. */
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

/** The Flinks codes the widget knows, as `ERROR` events and `onExit` report them. */
export { isKnownFlinksCode, KNOWN_FLINKS_CODES, type FlinksCode, type KnownFlinksCode } from './api/codes';

/** What the widget shows for each code (data), and the type of the `guidanceOverrides` prop. */
export { GUIDANCE } from './guidance/map';
/** The words of a code's screen in either language, for a support tool or your own screens. */
export { guidanceFor, type GuidanceTextOptions } from './i18n/guidance';
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

/** The host side of the embed protocol, for the library's public API. */
export { ConnectFrame, type ConnectFrameProps } from './ConnectFrame';
export type { ConnectHandlers, ExitMetadata } from './frame';
export type { WidgetError, WidgetMessage, WidgetSuccess } from './protocol';

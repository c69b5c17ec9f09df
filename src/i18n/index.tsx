export type { LaterMessages, Messages, UiMessages } from './catalog';
export type { Language, Translation } from './types';
export { LANGUAGES } from './types';
export { format } from './format';
export { messagesFor } from './all';
export { I18nProvider, useLanguage, useMessages, useText, useUiMessages } from './context';
export { TextTokens, useTokens, fillTokens } from './tokens';
export {
  actionLabel,
  guidanceFor,
  guidanceText,
  referenceText,
  useGuidance,
  type GuidanceTextOptions,
} from './guidance';
export {
  forgetFailedMessages,
  loadedMessages,
  loadedUiMessages,
  loadMessages,
  loadUiMessages,
} from './registry';

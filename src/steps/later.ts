/**
 * The screens that come after the first one, as one chunk: the first screen ships without them, and the widget
 * fetches them while the person fills in the credential form. The chunk's entry is src/widget/later.ts, which adds the
 * shell's view of these screens; src/laterChunk.tsx loads it.
 */
export { AccountsStep } from './accounts';
// The sign-in form's notes about the bank's answer to a try.
export { FieldServerNote, ServerError, ServerReference } from './credentials/ServerAnswer';
// Only asked in the middle of a connection, on a screen of this chunk.
export { ExitDialog } from './exit/ExitDialog';
// Only error screens link to these pages; the first screen needs none.
export { BANK_PAGES } from '../institutions/pages';
export { GuidanceStep } from './guidance';
export { EnhancedMfaStep, MfaStep } from './mfa';
export { OAuthStep } from './oauth';
export { ProcessingStep } from './processing';
export { SuccessStep } from './success';

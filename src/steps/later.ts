/**
 * The screens that come after the first one, as one chunk: the first screen ships without them, and the widget
 * fetches them while the person fills in the credential form.
 */
export { AccountsStep } from './accounts';
export { ExitDialog } from './exit/ExitDialog';
export { GuidanceStep } from './guidance';
export { MfaStep } from './mfa';
export { OAuthStep } from './oauth';
export { ProcessingStep } from './processing';
export { SuccessStep } from './success';

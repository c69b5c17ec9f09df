/**
 * The screens that come after the first one, as one chunk: the first screen ships without them, and the widget
 * fetches them while the person fills in the credential form.
 */
export { AccountsStep } from './accounts';
export { GuidanceStep } from './guidance';
export { EnhancedMfaStep, MfaStep } from './mfa';
export { ProcessingStep } from './processing';
export { SuccessStep } from './success';

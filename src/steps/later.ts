/**
 * The screens that come after the first one, as one chunk: the first screen ships without them, and the widget
 * fetches them while the person fills in the credential form.
 */
export { AccountsStep } from './accounts';
export { GuidanceStep } from './guidance';
export { EnhancedMfaStep, MfaStep } from './mfa';
// Asked only mid-connection, when the later screens are in already: the first load carries no dialog.
export { ExitDialog } from './exit/ExitDialog';
export { ProcessingStep } from './processing';
export { SuccessStep } from './success';

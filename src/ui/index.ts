export { Actions, Button, type ButtonProps } from './Button';
export { Alert } from './Alert';
export { Dialog, type DialogProps } from './Dialog';
export { ExternalLink, type ExternalLinkProps } from './ExternalLink';
export { Screen, type ScreenProps } from './Screen';
export { StepFocusContext, useStepFocus } from './focus';
export { useNow } from './useNow';
export { useCountdown } from './useCountdown';
export { titleAndBody, withBank } from './text';

export { MfaStep } from './MfaStep';
export { EnhancedMfaStep } from './EnhancedMfaStep';
export type { MfaStepProps } from './types';

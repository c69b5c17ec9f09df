export { MfaStep } from './MfaStep';
export { EnhancedMfaStep, type EnhancedMfaStepProps } from './EnhancedMfaStep';
export { sniffImage, type ChallengeImage, type ChallengeImageMime } from './image';
export type { MfaError, MfaStepProps } from './types';

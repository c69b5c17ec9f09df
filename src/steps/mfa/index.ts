export { MfaStep } from './MfaStep';
export { sniffImage, type ChallengeImage, type ChallengeImageMime } from './image';
export type { MfaError, MfaStepProps } from './types';

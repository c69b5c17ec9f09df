export { ProcessingStep, type ProcessingStepProps } from './ProcessingStep';

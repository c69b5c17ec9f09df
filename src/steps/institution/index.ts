export { InstitutionStep, type InstitutionStepProps } from './InstitutionStep';

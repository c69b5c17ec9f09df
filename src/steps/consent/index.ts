export { ConsentStep, type ConsentStepProps } from './ConsentStep';

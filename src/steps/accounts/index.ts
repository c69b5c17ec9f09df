export { AccountsStep, type AccountsStepProps } from './AccountsStep';

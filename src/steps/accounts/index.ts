export { AccountsStep } from './AccountsStep';

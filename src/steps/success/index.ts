export { SuccessStep } from './SuccessStep';

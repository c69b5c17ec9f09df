export { ClosedStep } from './ClosedStep';
export { ExitDialog } from './ExitDialog';

export { ClosedStep, ExitDialog } from './ExitDialog';

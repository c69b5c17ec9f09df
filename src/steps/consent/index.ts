export { ConsentStep } from './ConsentStep';

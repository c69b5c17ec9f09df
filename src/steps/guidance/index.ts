export { GuidanceStep, shownActions } from './GuidanceStep';

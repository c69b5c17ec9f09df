export { GuidanceStep, shownActions, type GuidanceStepProps } from './GuidanceStep';

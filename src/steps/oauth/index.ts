export { OAuthStep, type OAuthStepProps } from './OAuthStep';

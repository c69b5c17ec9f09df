export { OAuthStep } from './OAuthStep';

export { CredentialsStep, type Credentials } from './CredentialsStep';

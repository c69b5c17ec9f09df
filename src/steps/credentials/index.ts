export { CredentialsStep, type Credentials, type CredentialsStepProps } from './CredentialsStep';

/*
 * The sandbox bank (Flinks Capital and its personas), for tests: the package's `@connect-widget/react/sandbox` entry,
 * and what this repository's server, stories and tests use. MSW handlers: `@connect-widget/react/sandbox/msw`.
 */
export { createSandbox } from './sandbox';
export type { Sandbox, SandboxLogEntry, SandboxOptions, SandboxStats } from './sandbox';
export type { RateLimit } from './rate-limit';
export { FAULT_DEFAULTS, FAULT_KINDS, parseFaults, SandboxConnectionReset } from './faults';
export type { FaultKind, FaultOptions, ParsedFaults } from './faults';
export { SANDBOX_PERSONAS, SANDBOX_PASSWORD } from './personas';
export type { DataOutcome, LoginOutcome, RoundPlan, SandboxPersona } from './personas';
export { FLINKS_CAPITAL_QUESTIONS, flinksCapitalAnswer, SANDBOX_ONE_TIME_CODE } from './challenges';
/** The images of Flinks Capital's image challenges, as the sandbox sends them. */
export { CIRCLE_PNG, SQUARE_PNG, TRIANGLE_PNG } from './challenge-images';
export { FLINKS_CAPITAL, FLINKS_CAPITAL_OAUTH, SANDBOX_INSTITUTIONS } from './institutions';
export type { InstitutionItem, InstitutionsBody, SandboxInstitution } from './institutions';
export { SANDBOX_MESSAGES } from './errors';
export { SANDBOX_CUSTOMER_ID, startSandbox } from './start';
export type { RunningSandbox, StartSandboxOptions } from './start';

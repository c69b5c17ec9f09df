export { createSandbox } from './sandbox';
export type { Sandbox, SandboxLogEntry, SandboxOptions, SandboxStats } from './sandbox';
export type { RateLimit } from './rate-limit';
export { FAULT_DEFAULTS, FAULT_KINDS, parseFaults, SandboxConnectionReset } from './faults';
export type { FaultKind, FaultOptions, ParsedFaults } from './faults';
export { SANDBOX_PERSONAS, SANDBOX_PASSWORD } from './personas';
export type { DataOutcome, LoginOutcome, RoundPlan, SandboxPersona } from './personas';
export { FLINKS_CAPITAL_QUESTIONS, SANDBOX_ONE_TIME_CODE } from './challenges';
export { CIRCLE_PNG, SQUARE_PNG, TRIANGLE_PNG } from './challenge-images';
export { FLINKS_CAPITAL, SANDBOX_INSTITUTIONS } from './institutions';
export type { InstitutionItem, InstitutionsBody, SandboxInstitution } from './institutions';
export { SANDBOX_MESSAGES } from './errors';

/** The customerId of Flinks' public sandbox docs; the sandbox answers under any customerId. */
export const SANDBOX_CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';

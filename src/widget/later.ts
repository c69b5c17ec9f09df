/**
 * The later chunk's entry: the screens after the first one (src/steps/later.ts) and the shell's view of them
 * (LaterStepView), fetched together by the one loader in src/laterChunk.tsx.
 */
export * from '../steps/later';
export { LaterStepView } from './LaterStepView';

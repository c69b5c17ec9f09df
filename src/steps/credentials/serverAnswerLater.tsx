import { laterStep } from '../../laterChunk';

/** The notes about the bank's answer to a try (ServerAnswer.tsx), drawn from the later chunk: none on a first try. */
export const ServerError = laterStep((chunk) => chunk.ServerError);
export const FieldServerNote = laterStep((chunk) => chunk.FieldServerNote);
export const ServerReference = laterStep((chunk) => chunk.ServerReference);

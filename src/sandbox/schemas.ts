import * as v from 'valibot';
import { invalidRequest, type SandboxError } from './errors';

function describe(issue: v.BaseIssue<unknown>): string {
  const field = v.getDotPath(issue);
  if (field === null) return 'The request body must be a JSON object';
  if (issue.received === 'undefined') return `The field ${field} is required`;
  // A bound or a form (an id's characters, a length): the value is not repeated, it may be a secret.
  if (issue.kind === 'validation') return `The field ${field} is too long or not in the expected form`;
  return `The field ${field} must be ${issue.expected ?? 'of another type'}, not ${issue.received}`;
}

/** A body's top-level `null`s, which Flinks reads as absent fields. */
function withoutNulls(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== null));
}

/**
 * Parses a JSON body against its schema, the wire contract's (src/api/wire.ts): the one the widget's bodies are typed
 * from and the connect server checks. Flinks takes `null` for a field it does not need, and so does the sandbox. Any
 * failure is a 400 INVALID_REQUEST naming what is wrong.
 */
export function parseBody<S extends v.GenericSchema>(
  schema: S,
  raw: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: SandboxError } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: invalidRequest('The request body is not valid JSON') };
  }
  const result = v.safeParse(schema, withoutNulls(json));
  if (result.success) return { ok: true, value: result.output };
  const [first] = result.issues;
  return { ok: false, error: invalidRequest(describe(first)) };
}

import type { SandboxLanguage } from './challenges';
import { errorBody, messageIn, type SandboxError } from './errors';
import { newGuid } from './ids';
import type { SandboxStore } from './store';

/** What the endpoint handlers share: the store, the clock and the simulated bank. */
export interface SandboxContext {
  store: SandboxStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** The index of the question every "one of" round asks (`SandboxOptions.question`), or null to draw one. */
  question: number | null;
  latencyMs: number;
  pendingMs: number;
}

/** An answer before it becomes a Response. */
export interface Reply {
  status: number;
  body: object;
  /** The language of the bank's words in it (prompts, choices, Message); English when absent. */
  language?: SandboxLanguage;
}

/** An error reply; the RequestId is the session's, or a fresh one support can quote. */
export function errorReply(
  error: SandboxError,
  requestId: string = newGuid(),
  language: SandboxLanguage = 'en',
): Reply {
  const body = errorBody({ ...error, message: messageIn(error.message, language) }, requestId);
  return { status: error.status, body, language };
}

/** The same reply in the session's language: its Message translated, and said to be in that language. */
export function inSessionLanguage(reply: Reply, language: SandboxLanguage): Reply {
  if (language === 'en' || reply.language === language) return reply;
  const body = reply.body as { Message?: unknown };
  const translated =
    typeof body.Message === 'string' ? { ...body, Message: messageIn(body.Message, language) } : body;
  return { ...reply, body: translated, language };
}

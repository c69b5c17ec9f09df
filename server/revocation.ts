import { MAX_SESSION_SECONDS } from './sessions';
import type { SharedState } from './shared-state';

/**
 * Revoked sessions (`DELETE /connect/sessions/{id}`): a mark in the shared state (Redis across processes), kept as
 * long as any session can live, and checked on every call a session makes.
 */
const revokedKey = (sessionId: string) => `revoked:${sessionId}`;

export async function revokeSession(state: SharedState, sessionId: string): Promise<void> {
  await state.claim(revokedKey(sessionId), '1', (MAX_SESSION_SECONDS + 60) * 1000);
}

export async function isRevoked(state: SharedState, sessionId: string): Promise<boolean> {
  return (await state.ownerOf(revokedKey(sessionId))) !== null;
}

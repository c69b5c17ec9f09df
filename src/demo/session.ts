import type { Language } from '../i18n/types';

/** The demo's own stand-in for a partner's backend (sandbox only): it creates connect sessions for this page. */
const DEMO_SESSIONS_PATH = '/demo/sessions';

/**
 * Asks for a new connect session, as a partner's page asks its own backend (which calls `POST /connect/sessions`
 * with its API key). Rejects when the server has no demo sessions (proxy mode).
 */
export async function demoSession(language: Language): Promise<string> {
  const response = await fetch(DEMO_SESSIONS_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language }),
  });
  if (!response.ok) throw new Error(`No demo session (HTTP ${response.status})`);
  const { sessionToken } = (await response.json()) as { sessionToken?: unknown };
  if (typeof sessionToken !== 'string' || sessionToken === '') throw new Error('No demo session');
  return sessionToken;
}

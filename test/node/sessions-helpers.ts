import type { Hono } from 'hono';

/** The server as tests reach it: its default public origin, so the Host allow-list lets them in. */
export const SERVER = 'http://localhost:5173';
export const API_KEY = 'partner-backend-key-4c1d9e77a0b2';
export const SESSION_SECRET = 'deployment-session-secret-6a9f0c3e51d84b27';
export const SESSION_ENV = { CONNECT_API_KEYS: API_KEY, CONNECT_SESSION_SECRET: SESSION_SECRET };

/** `POST /connect/sessions` as the partner's backend makes it. */
export async function createSession(
  app: Hono,
  body: Record<string, unknown> = {},
  apiKey = API_KEY,
): Promise<string> {
  const response = await app.request(`${SERVER}/connect/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ parentOrigin: SERVER, ...body }),
  });
  if (response.status !== 201) throw new Error(`No session: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { sessionToken: string }).sessionToken;
}

/** The headers the widget sends from a page on `origin` inside a session. */
export function sessionHeaders(token: string, origin = SERVER): Record<string, string> {
  return { authorization: `Bearer ${token}`, origin };
}

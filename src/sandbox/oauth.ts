import { Hono } from 'hono';
import type { SandboxContext } from './context';
import { FLINKS_CAPITAL, institutionFor } from './institutions';
import { personaFor } from './personas';
import { accountKey, type AccountRef } from './store';
import { isLanguage, type Language } from '../i18n/types';

/**
 * Flinks' OAuth hand-off as the sandbox plays it (CONTRACT §8): `GET /v3/oauth/authorize` answers 302 to the bank's
 * own sign-in page; that page (here, a sandbox page with "Allow" and "Deny") sends the browser back to `redirect_uri`
 * with `state` and either a `loginId` or an `error`. Allowing creates (or refreshes) a login the widget then reads
 * like any other, through /Authorize with its LoginId.
 */

/** The path of the sandbox bank's own sign-in page. */
const SANDBOX_BANK_PAGE = '/sandbox/oauth/bank';

/** Who signs in on the sandbox bank's page: the data are those of the persona that needs no MFA. */
const OAUTH_USERNAME = 'oauth_user';
const OAUTH_PERSONA = 'greatday_nomfa';
const STATE = /^[A-Za-z0-9_-]{16,128}$/;

const TEXT = {
  en: {
    title: 'Flinks Capital',
    heading: 'Share your accounts?',
    body: 'An app asks to see your Flinks Capital accounts, balances and transactions. You can stop it at any time.',
    sandbox: 'This is the sandbox bank: nothing real is shared.',
    allow: 'Allow',
    deny: 'Deny',
  },
  fr: {
    title: 'Flinks Capital',
    heading: 'Partager vos comptes\u202f?',
    body: 'Une application demande à voir vos comptes, vos soldes et vos transactions chez Flinks Capital. Vous pouvez y mettre fin en tout temps.',
    sandbox: 'Ceci est la banque de test\u00a0: rien de réel n’est partagé.',
    allow: 'Autoriser',
    deny: 'Refuser',
  },
} satisfies Record<Language, Record<string, string>>;

interface Handoff {
  institution: string;
  redirectUri: URL;
  state: string;
  language: Language;
  /** Flinks' `tag`: free text stored with the login, returned by every Authorize of it. */
  tag: string | null;
}

const TAG_MAX = 400;

/**
 * The hand-off's parameters, or why they are refused. The bank returns only to a page of the server it runs on, or
 * of an origin whitelisted for it. Flinks names the language `lang`; `language` is still understood.
 */
function handoffOf(
  params: URLSearchParams,
  requestUrl: string,
  returnOrigins: readonly string[],
): Handoff | string {
  const institution = params.get('institution_id') ?? '';
  const state = params.get('state') ?? '';
  const asked = params.get('lang') ?? params.get('language');
  const language: Language = isLanguage(asked) ? asked : 'en';
  const tag = params.get('tag');
  if (tag !== null && tag.length > TAG_MAX) return 'tag is longer than this sandbox keeps';
  if (!institutionFor(institution) || (institution !== FLINKS_CAPITAL.id && !institution.endsWith('OAuth'))) {
    return 'institution_id is not an OAuth institution of the sandbox';
  }
  if (!STATE.test(state)) return 'state is missing or not a state this sandbox accepts';
  let redirectUri: URL;
  try {
    redirectUri = new URL(params.get('redirect_uri') ?? '');
  } catch {
    return 'redirect_uri is not an absolute URL';
  }
  if (redirectUri.origin !== new URL(requestUrl).origin && !returnOrigins.includes(redirectUri.origin)) {
    return 'redirect_uri is not on this server';
  }
  return { institution, redirectUri, state, language, tag };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function refused(reason: string): Response {
  return new Response(
    JSON.stringify({ HttpStatusCode: 400, FlinksCode: 'INVALID_REQUEST', Message: reason }),
    {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    },
  );
}

function redirect(location: string): Response {
  // A redirect with a stricter opener policy would cut the popup off from the window that opened it.
  return new Response(null, {
    status: 302,
    headers: { location, 'cache-control': 'no-store', 'cross-origin-opener-policy': 'unsafe-none' },
  });
}

/**
 * The sandbox bank's look: the system's own fonts, nothing fetched. One `<style>` element, allowed by its hash in the
 * page's policy (never 'unsafe-inline').
 */
const BANK_PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#eef2f6;color:#1b2430;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header{background:#0b3b5c;color:#fff;padding:.75rem 1rem;font-weight:700;letter-spacing:.01em}
main{max-width:28rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgb(0 0 0/.15)}
h1{margin:0 0 .75rem;font-size:1.375rem;line-height:1.3}
p{margin:0 0 1rem}
small{color:#4a5563;font-size:.875rem}
form{display:flex;flex-direction:column;gap:.75rem;margin-top:1.5rem}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.625rem 1rem;border-radius:.5rem;border:2px solid #0b3b5c;cursor:pointer}
button[value=allow]{background:#0b3b5c;color:#fff}
button[value=deny]{background:#fff;color:#0b3b5c}
button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
@media (max-width:30rem){body{background:#fff}main{margin:0;border-radius:0;box-shadow:none}}
`;

let bankPageStyleHash: Promise<string> | null = null;

/** The style's CSP source (`'sha256-…'`), computed once with Web Crypto (the sandbox runs in Node and in browsers). */
function bankPageStyleSource(): Promise<string> {
  bankPageStyleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(BANK_PAGE_STYLE))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  return bankPageStyleHash;
}

/** The sandbox bank's page: one question, two buttons, no script. */
async function bankPage(handoff: Handoff): Promise<Response> {
  const t = TEXT[handoff.language];
  const styleSource = await bankPageStyleSource();
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${escape(value)}">`;
  const html = `<!doctype html>
<html lang="${handoff.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<style>${BANK_PAGE_STYLE}</style></head>
<body>
<header>${t.title}</header>
<main>
<h1>${t.heading}</h1>
<p>${t.body}</p>
<p><small>${t.sandbox}</small></p>
<form method="post" action="${SANDBOX_BANK_PAGE}">
${hidden('institution_id', handoff.institution)}
${hidden('redirect_uri', handoff.redirectUri.href)}
${hidden('state', handoff.state)}
${hidden('lang', handoff.language)}
${handoff.tag !== null ? hidden('tag', handoff.tag) : ''}
<button type="submit" name="decision" value="allow">${t.allow}</button>
<button type="submit" name="decision" value="deny">${t.deny}</button>
</form>
</main>
</body>
</html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Its own policy: no script at all; the form posts here and the answer sends the browser back.
      'content-security-policy': `default-src 'none'; style-src ${styleSource}; base-uri 'none'; frame-ancestors 'none'`,
      // Opened in a popup: the widget's window must keep seeing it (and seeing it close).
      'cross-origin-opener-policy': 'unsafe-none',
    },
  });
}

/** The routes of the sandbox bank's OAuth, mounted at the sandbox's root. */
export function oauthRoutes(ctx: SandboxContext, returnOrigins: readonly string[] = []): Hono {
  const app = new Hono();

  app.get('/v3/oauth/authorize', (c) => {
    const handoff = handoffOf(new URL(c.req.url).searchParams, c.req.url, returnOrigins);
    if (typeof handoff === 'string') return refused(handoff);
    const page = new URLSearchParams({
      institution_id: handoff.institution,
      redirect_uri: handoff.redirectUri.href,
      state: handoff.state,
      lang: handoff.language,
      ...(handoff.tag !== null ? { tag: handoff.tag } : {}),
    });
    return redirect(`${SANDBOX_BANK_PAGE}?${page}`);
  });

  app.get(SANDBOX_BANK_PAGE, async (c) => {
    const handoff = handoffOf(new URL(c.req.url).searchParams, c.req.url, returnOrigins);
    return typeof handoff === 'string' ? refused(handoff) : await bankPage(handoff);
  });

  app.post(SANDBOX_BANK_PAGE, async (c) => {
    const form = await c.req.parseBody();
    const params = new URLSearchParams();
    for (const name of ['institution_id', 'redirect_uri', 'state', 'lang', 'language', 'tag', 'decision']) {
      const value = form[name];
      if (typeof value === 'string') params.set(name, value);
    }
    const handoff = handoffOf(params, c.req.url, returnOrigins);
    if (typeof handoff === 'string') return refused(handoff);
    const back = new URL(handoff.redirectUri);
    back.searchParams.set('state', handoff.state);
    if (params.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      return redirect(back.href);
    }
    const institution = institutionFor(handoff.institution);
    const persona = personaFor(OAUTH_PERSONA);
    if (!institution || !persona) return refused('the sandbox bank has no such institution');
    const account: AccountRef = {
      key: accountKey(institution, OAUTH_USERNAME),
      institution,
      username: OAUTH_USERNAME,
    };
    // The bank gathered the data while the person was on its page: the login reads at once, like a finished one.
    const login = ctx.store.recordLiveAuthorization(
      account,
      persona,
      ctx.now() - ctx.pendingMs,
      handoff.language,
      handoff.tag ?? undefined,
    );
    back.searchParams.set('loginId', login.id);
    back.searchParams.set('institution', institution.id);
    return redirect(back.href);
  });

  return app;
}

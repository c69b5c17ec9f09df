import type { Language } from '../src/i18n/types';
/** The page the bank sends the browser back to (`/oauth/return`), in the popup: it tells the widget and closes. */
import type { OAuthReturnMessage } from '../src/api/wire';

const TEXT = {
  en: {
    title: 'Back from your bank',
    done: 'You can close this window and go back to the app.',
    invalid: 'This link has expired or was already used. Close this window and start again in the app.',
  },
  fr: {
    title: 'De retour de votre banque',
    done: 'Vous pouvez fermer cette fenêtre et revenir à l’application.',
    invalid: 'Ce lien a expiré ou a déjà servi. Fermez cette fenêtre et recommencez dans l’application.',
  },
};

/**
 * Posts the outcome to the window that opened this one, at the origin the server recorded for the state, then closes.
 * Served as a file: the page's CSP allows no inline script.
 */
export const OAUTH_RETURN_SCRIPT = `(function () {
  var data = document.getElementById('outcome');
  if (!data || !window.opener) return;
  var outcome = JSON.parse(data.textContent);
  window.opener.postMessage(outcome.data, outcome.targetOrigin);
  window.close();
})();
`;

/** The return page; `message` null when the state is unknown (nothing is posted then). */
export function oauthReturnPage({
  language,
  message,
}: {
  language: Language;
  message: { targetOrigin: string; data: OAuthReturnMessage } | null;
}): Response {
  const t = TEXT[language];
  const invalid = message === null || ('error' in message.data && message.data.error === 'state_invalid');
  // A JSON data block is not run as script; `<` is escaped so the data cannot close the element.
  const data = message ? JSON.stringify(message).replace(/</g, '\\u003c') : null;
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<script src="/oauth/return.js" defer></script>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${invalid ? t.invalid : t.done}</p>
</main>
${data ? `<script type="application/json" id="outcome">${data}</script>` : ''}
</body>
</html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy':
        "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'cross-origin-opener-policy': 'unsafe-none',
    },
  });
}

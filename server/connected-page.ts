import type { Hono } from 'hono';
import { embedMessages } from '../src/embed/messages';
import type { Language } from '../src/i18n/types';

/**
 * The page a connection ends on when the host gave no `redirectUrl`: REDIRECT's `url` points here, as Flinks
 * Connect's does to its own page. Text only, in both languages (the `language` query's first); the `loginId` and
 * `institution` in its query are for the host's listener and never shown.
 */
export function connectedPageHtml(language: Language): string {
  const order: Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const sections = order
    .map((lang, index) => {
      const { title, body } = embedMessages[lang].connected;
      const heading = index === 0 ? 'h1' : 'h2';
      return `<section lang="${lang}"><${heading}>${title}</${heading}><p>${body}</p></section>`;
    })
    .join('\n    ');
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${embedMessages[language].connected.title}</title>
  </head>
  <body>
    <main>
    ${sections}
    </main>
  </body>
</html>`;
}

/** GET /connected. */
export function withConnectedPage() {
  return (app: Hono): void => {
    app.get('/connected', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.html(connectedPageHtml(c.req.query('language') === 'fr' ? 'fr' : 'en'));
    });
  };
}

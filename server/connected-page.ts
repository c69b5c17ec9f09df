import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { connectedPageMessages } from '../src/embed/messages';
import { isLanguage, type Language } from '../src/i18n/types';

/**
 * The page's only style, inline: its CSP allows exactly this text by its hash (connectedPagePolicy), nothing else.
 * System fonts, the widget's colours (AA in both schemes), readable at phone width.
 */
const CONNECTED_PAGE_STYLE = [
  ':root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}',
  'body{margin:0;background:#ffffff;color:#1b1f24}',
  'main{max-width:32rem;margin:0 auto;padding:2.5rem 1.25rem}',
  'h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}',
  'h2{font-size:1.125rem;line-height:1.3;margin:2rem 0 .5rem}',
  'p{margin:0;color:#3d4550}',
  'section+section{border-top:1px solid #d5d9de;margin-top:2rem}',
  '@media (prefers-color-scheme:dark){body{background:#15181c;color:#eef1f4}p{color:#c4cad1}section+section{border-color:#3a4048}}',
].join('');

/** The CSP source that lets the page's style (and only it) apply. */
export const CONNECTED_PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(CONNECTED_PAGE_STYLE).digest('base64')}'`;

/**
 * The page a connection ends on when the host gave no `redirectUrl`: REDIRECT's `url` points here, as Flinks
 * Connect's does to its own page. Text only, in both languages (the `language` query's first); the `loginId` and
 * `institution` in its query are for the host's listener and never shown.
 */
function connectedPageHtml(language: Language): string {
  const order: Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const sections = order
    .map((lang, index) => {
      const { title, body } = connectedPageMessages[lang];
      const heading = index === 0 ? 'h1' : 'h2';
      return `<section lang="${lang}"><${heading}>${title}</${heading}><p>${body}</p></section>`;
    })
    .join('\n    ');
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${connectedPageMessages[language].title}</title>
    <style>${CONNECTED_PAGE_STYLE}</style>
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
      const language = c.req.query('language');
      return c.html(connectedPageHtml(isLanguage(language) ? language : 'en'));
    });
  };
}

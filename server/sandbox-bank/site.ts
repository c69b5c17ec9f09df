import type { Hono } from 'hono';
import { LANGUAGES, type Language } from '../../src/i18n/types';
import { SITE_MESSAGES, type SiteMessages } from './messages';

/** Where the sandbox bank's site lives on this server; Flinks Capital's links in src/institutions/data.ts point here. */
const SANDBOX_BANK_PATH = '/sandbox-bank';

type PageKey = 'home' | 'forgotPassword' | 'contact';

/** Each page's path under /sandbox-bank/{language}/, in that language's words. */
const PAGES: Record<Language, Record<PageKey, string>> = {
  en: { home: '', forgotPassword: 'forgot-password', contact: 'contact' },
  fr: { home: '', forgotPassword: 'mot-de-passe-oublie', contact: 'nous-joindre' },
};

const STYLESHEET = `
body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1b1f24; background: #f6f8fa; }
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; }
.bank { font-weight: 700; font-size: 1.25rem; margin-right: auto; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0; padding: 0; list-style: none; }
a { color: #0a58ca; }
a[aria-current='page'] { font-weight: 700; }
a:focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
.note { padding: 0.75rem 1rem; background: #fff8c5; border: 1px solid #9a6700; border-radius: 6px; }
`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function pageUrl(language: Language, page: PageKey): string {
  return `${SANDBOX_BANK_PATH}/${language}/${PAGES[language][page]}`;
}

function body(m: SiteMessages, page: PageKey): string {
  const p = (text: string) => `<p>${escape(text)}</p>`;
  switch (page) {
    case 'home':
      return `<h1>${escape(m.home.title)}</h1>${p(m.home.intro)}${p(m.home.terms)}${p(m.home.done)}`;
    case 'forgotPassword':
      return `<h1>${escape(m.forgotPassword.title)}</h1>${p(m.forgotPassword.intro)}<ul><li>${escape(
        m.forgotPassword.username,
      )}</li><li>${escape(m.forgotPassword.password)}</li></ul>${p(m.forgotPassword.back)}`;
    case 'contact':
      return `<h1>${escape(m.contact.title)}</h1>${p(m.contact.intro)}<p>${escape(m.contact.phoneLabel)} <a href="tel:+18005550199">${escape(
        m.contact.phone,
      )}</a></p>${p(m.contact.hours)}${p(m.contact.disabled)}`;
  }
}

/** One page of the site: the same header (bank, pages, other language), the page, the sandbox note. */
function sandboxBankPage(language: Language, page: PageKey): string {
  const m = SITE_MESSAGES[language];
  const other: Language = language === 'en' ? 'fr' : 'en';
  const titles: Record<PageKey, string> = {
    home: m.home.title,
    forgotPassword: m.forgotPassword.title,
    contact: m.contact.title,
  };
  const link = (key: PageKey) =>
    `<li><a href="${pageUrl(language, key)}"${key === page ? ' aria-current="page"' : ''}>${escape(m.nav[key])}</a></li>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(titles[page])} · ${escape(m.bank)}</title>
<link rel="stylesheet" href="${SANDBOX_BANK_PATH}/site.css">
</head>
<body>
<header><span class="bank">${escape(m.bank)}</span>
<nav aria-label="${escape(m.nav.label)}"><ul>${link('home')}${link('forgotPassword')}${link('contact')}<li><a href="${pageUrl(other, page)}" lang="${other}" hreflang="${other}">${escape(m.nav.otherLanguage)}</a></li></ul></nav>
</header>
<main>${body(m, page)}</main>
<footer><p class="note">${escape(m.sandboxNote)}</p></footer>
</body>
</html>`;
}

/** The language a browser prefers of the two, from Accept-Language (English unless French comes first). */
function preferredLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}

/**
 * The sandbox bank's small website (home, "forgot password", "contact us", in English and French), so the guidance
 * screens that send a person to their bank (NEW_ACCOUNT, UNAUTHORIZED, DISABLED_LOGIN, MAXIMUM_RETRY_REACHED, the
 * credential errors) show their main action in the sandbox too. `/sandbox-bank/` goes to the browser's language.
 */
export function withSandboxBankSite(app: Hono): void {
  app.get(`${SANDBOX_BANK_PATH}/site.css`, (c) =>
    c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );
  app.get(SANDBOX_BANK_PATH, (c) => c.redirect(`${SANDBOX_BANK_PATH}/`, 301));
  app.get(`${SANDBOX_BANK_PATH}/`, (c) =>
    c.redirect(pageUrl(preferredLanguage(c.req.header('accept-language')), 'home'), 302),
  );
  for (const language of LANGUAGES) {
    for (const page of Object.keys(PAGES[language]) as PageKey[]) {
      app.get(pageUrl(language, page), (c) => c.html(sandboxBankPage(language, page)));
    }
  }
}

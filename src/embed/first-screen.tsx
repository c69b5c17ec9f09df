/**
 * The server's side of the embed page's first screen: the same `EmbedPage` the script renders, drawn to HTML for the
 * request's own parameters, so the person sees (and can fill in) the form before the script arrives. Built with the
 * pages' Preact aliases (`vite build --mode first-screen`) and loaded by the server (server/embed-config.ts).
 */
import type { VNode } from 'preact';
import { renderToStringAsync } from 'preact-render-to-string';
import { StrictMode } from 'react';
import type { Language } from '../i18n/types';
import type { DeploymentConfig } from './config';
import { type FirstScreenPlace } from './hydration';
import { frameTitles, hydrationWait } from './messages';
import { configurationCode, EmbedPage } from './page';
import { parseEmbedParams, type FramingClues } from './params';

export interface FirstScreenRequest {
  /** The page's query string, as the browser will see it in `location.search`. */
  search: string;
  /** The page's own origin as the browser reaches it (`https://connect.example`): what relative addresses resolve on. */
  origin: string;
  config: DeploymentConfig;
  place: FirstScreenPlace;
  /**
   * The request's `Referer`: framed without `parentOrigin`, the page that frames this one, as the script will read it
   * (`document.referrer`); null when the browser sent none.
   */
  referrer?: string | null;
}

export interface FirstScreen {
  /** `#root`'s content: escaped by the renderer, like any text the components draw. */
  html: string;
  language: Language;
  /** The document's title, not escaped. */
  title: string;
  /** The locked buttons' description, not escaped. */
  waitText: string;
}

/**
 * Stands for the framing window on the server. Never called: the page talks to its parent from effects, and the
 * server runs none.
 */
const NO_WINDOW = {} as Window;
const ignore = () => undefined;

/**
 * Renders the first screen as the script's first render will draw it; null when the pages are built on React
 * (`CONNECT_RUNTIME=react`), whose script draws the page itself.
 */
export async function renderFirstScreen({
  search,
  origin,
  config,
  place,
  referrer = null,
}: FirstScreenRequest): Promise<FirstScreen | null> {
  if (import.meta.env.VITE_PAGES_RUNTIME === 'react') return null;
  // In the browser a relative API address resolves on the page's address (links drawn from it, such as a bank's pages
  // on the sandbox server, are absolute); the server has no page: it gives the address absolute, as the browser will.
  const deployment = { ...config, apiBaseUrl: new URL(config.apiBaseUrl, `${origin}/embed.html`).href };
  const framing: FramingClues = { ancestorOrigin: null, referrer };
  const parsed = parseEmbedParams(search, { config: deployment, framed: place === 'framed', framing });
  // Who frames the page, the script learns from the browser (ancestorOrigins). Should the server not know it, or
  // think it not allowed, it draws nothing rather than a configuration screen the script might not draw (it would stay
  // on screen under the widget).
  if (!parsed.ok && parsed.problems.some((problem) => problem.param === 'parentOrigin')) return null;
  const language = parsed.ok ? parsed.settings.widget.language : parsed.language;
  // The partner's colours are CSS variables on the page's root: an inline style the page's CSP refuses in HTML (the
  // script sets them through the CSSOM), so such a page is drawn by the script alone.
  if (parsed.ok && (parsed.settings.page.backgroundColor || parsed.settings.page.foregroundColor1))
    return null;
  // The configuration screen's code, as main.tsx fetches it before its first render.
  if (!parsed.ok) await configurationCode.load();
  // The tree main.tsx hydrates, prop for prop. The JSX is typed with React's types; Preact renders it (aliases).
  const tree = (
    <StrictMode>
      <EmbedPage
        config={deployment}
        search={search}
        parent={place === 'framed' ? NO_WINDOW : null}
        framing={framing}
        view={NO_WINDOW}
        navigate={ignore}
      />
    </StrictMode>
  ) as unknown as VNode;
  const html = await renderToStringAsync(tree);
  const wait = hydrationWait[language];
  return {
    html,
    language,
    title: frameTitles[language],
    waitText: html.includes('<form') ? wait.form : wait.page,
  };
}

import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import type { ConnectEventArgs } from '../flow/events';
import type { ConnectSuccessMetadata } from '../flow/host';
import type { Language } from '../i18n/types';
import { loadedUiMessages } from '../i18n/registry';
import { loadOnce } from '../loadOnce';
import { PageLocksFirstScreen } from '../ui/serverDrawn';
import { createEmbedBridge } from './bridge';
import type { DeploymentConfig } from './config';
import { releaseLockedButtons } from './hydration';
import { frameTitles } from './messages';
import { parseEmbedParams, type ConfigProblem, type EmbedSettings, type FramingClues } from './params';
import './embed.css';

export interface EmbedPageProps {
  /** The server's settings, read from the page's meta tag; null when missing or malformed. */
  config: DeploymentConfig | null;
  /** The page's query string. */
  search: string;
  /** The window that framed the page, or null at top level. */
  parent: Window | null;
  /** What the browser tells of the framing page, for URLs without `parentOrigin` (Flinks Connect's). */
  framing?: FramingClues;
  view: Window;
  /**
   * Sends the top window to the success address (`redirectUrl`); with `'self'`, the page's own window instead
   * (`innerRedirect`, or a webview's deep link).
   */
  navigate: (href: string, target?: 'self') => void;
}

/**
 * The contrast arithmetic behind `backgroundColor` and `foregroundColor1`: a chunk of its own, fetched only when the
 * URL has one of them. main.tsx and the server's first screen fetch it before the first render (`hasColours`), so the
 * partner's colours are there from the first paint, and the script's first render matches the server's.
 */
export const colourCode = loadOnce(() => import('./colours'), { retryOnLoad: true });

/** Whether the page's query string asks for the partner's colours. */
export function hasColours(search: string): boolean {
  const query = new URLSearchParams(search);
  return query.has('backgroundColor') || query.has('foregroundColor1');
}

/** The colours' code: at once when fetched ahead (see `colourCode`), else once in; never when no colour is asked. */
function useColourCode(wanted: boolean) {
  const [code, setCode] = useState(() => (wanted ? colourCode.current() : undefined));
  useEffect(() => {
    if (!wanted || code) return;
    let current = true;
    colourCode.load().then(
      (loaded) => {
        if (current) setCode(loaded);
      },
      () =>
        console.warn('Connect widget: the colour parameters could not be applied (their code did not load).'),
    );
    return () => {
      current = false;
    };
  }, [wanted, code]);
  return wanted ? code : undefined;
}

/**
 * The configuration screen and its text in both languages: a chunk of its own, fetched only when the page cannot
 * start (a wrong URL or deployment). main.tsx and the server's first screen fetch it before the first render
 * (`cannotStart`), as they do the colours' code, so the script's first render matches the server's.
 */
export const configurationCode = loadOnce(() => import('./configuration'), { retryOnLoad: true });

/** Whether the page, given these props, shows the configuration screen instead of the widget. */
export function cannotStart({
  config,
  search,
  parent,
  framing,
}: Pick<EmbedPageProps, 'config' | 'search' | 'parent' | 'framing'>): boolean {
  return !parseEmbedParams(search, { config, framed: parent !== null, ...(framing ? { framing } : {}) }).ok;
}

/** The configuration screen: at once when fetched ahead (see `configurationCode`), else once in. */
function Configuration({ problems, language }: { problems: ConfigProblem[]; language: Language }) {
  const [code, setCode] = useState(() => configurationCode.current());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (code || failed) return;
    let current = true;
    configurationCode.load().then(
      (loaded) => current && setCode(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [code, failed]);
  if (code) return <code.ConfigurationScreen problems={problems} language={language} />;
  if (!failed) return null;
  // Its code did not download: the screen that says a screen did not load, and a way to fetch it again.
  const m = (loadedUiMessages(language) ?? loadedUiMessages('en'))?.ui.widget.stepUnavailable;
  return m ? (
    <main className="cw-embed-config" lang={loadedUiMessages(language) ? language : 'en'}>
      <h1 className="cw-embed-config__title">{m.title}</h1>
      <p>{m.body}</p>
      <button type="button" className="cw-button cw-button--primary" onClick={() => setFailed(false)}>
        {m.retry}
      </button>
    </main>
  ) : null;
}

/** The server's lock on the first screen's buttons: lifted by the widget once the screen it drew is hydrated. */
const releaseServerLock = () => releaseLockedButtons(document);

/** `/embed.html`: the widget as a page, or, when the URL or the deployment is wrong, a screen saying why. */
export function EmbedPage({ config, search, parent, framing, view, navigate }: EmbedPageProps) {
  const parsed = useMemo(
    () => parseEmbedParams(search, { config, framed: parent !== null, ...(framing ? { framing } : {}) }),
    [search, config, parent, framing],
  );
  const language = parsed.ok ? parsed.settings.widget.language : parsed.language;
  const notes = parsed.ok ? parsed.settings.notes : parsed.notes;

  useEffect(() => {
    view.document.documentElement.lang = language;
    view.document.title = frameTitles[language];
  }, [view, language]);
  // One console line per value the page could not use as given, once per address.
  useEffect(() => tellDeveloper(view, search, notes), [view, search, notes]);

  if (!parsed.ok) return <Configuration problems={parsed.problems} language={language} />;
  return (
    // The server locks the first screen's buttons itself (server/embed-config.ts) until this page's script runs.
    <PageLocksFirstScreen.Provider value={releaseServerLock}>
      <EmbeddedWidget
        settings={parsed.settings}
        parent={parent}
        view={view}
        navigate={navigate}
        search={search}
      />
    </PageLocksFirstScreen.Provider>
  );
}

function EmbeddedWidget({
  settings,
  parent,
  view,
  navigate,
  search,
}: { settings: EmbedSettings } & Pick<EmbedPageProps, 'parent' | 'view' | 'navigate' | 'search'>) {
  const rootRef = useRef<HTMLDivElement>(null);
  const { parentOrigin, stringify, redirectUrl, successUrl, widget, deployment, page } = settings;
  const webview = page.webview === true;
  const bridge = useMemo(
    () => createEmbedBridge({ parent, parentOrigin, stringify, ...(webview ? { webview: view } : {}) }),
    [parent, parentOrigin, stringify, webview, view],
  );
  const code = useColourCode(Boolean(page.backgroundColor ?? page.foregroundColor1));
  const colours = useMemo(
    () =>
      code?.colourTokens(
        {
          ...(page.backgroundColor ? { backgroundColor: page.backgroundColor } : {}),
          ...(page.foregroundColor1 ? { foregroundColor1: page.foregroundColor1 } : {}),
        },
        widget.theme ?? 'light',
      ) ?? NO_COLOURS,
    [code, page.backgroundColor, page.foregroundColor1, widget.theme],
  );
  // The developer's console says which colour was changed to keep WCAG AA, and why.
  useEffect(() => {
    for (const note of colours.notes) console.warn(`Connect widget: ${note}`);
  }, [colours]);

  useEffect(() => {
    const root = rootRef.current;
    return root === null ? undefined : bridge.observeHeight(root);
  }, [bridge]);

  const notes = settings.notes;
  const onEvent = useCallback(
    (...[name, metadata]: ConnectEventArgs) => {
      // Errors go in Flinks Connect's shape for API errors: no `step` (CONTRACT §4).
      if (name === 'ERROR') bridge.postError(metadata);
      else if (name === 'APP_MOUNTED' && notes.length > 0) bridge.post(name, { parameterNotes: notes });
      else bridge.post(name, metadata);
    },
    [bridge, notes],
  );
  // REDIRECT's url is the redirectUrl with loginId, institution and tag appended: the top window goes there, as
  // in Flinks Connect; the frame itself with innerRedirect (and a webview, to its deep link); nothing with jsRedirect.
  // A redirectUrl the deployment does not allow is still in REDIRECT's url, but nothing goes there.
  const onSuccess = useCallback(
    (success: ConnectSuccessMetadata) => {
      if (!redirectUrl || page.jsRedirect) return;
      const inFrame = page.innerRedirect || webview;
      // REDIRECT was just posted: it reaches the host's listener before the host's page is left.
      setTimeout(
        () => (inFrame ? navigate(success.url, 'self') : navigate(success.url)),
        REDIRECT_DELIVERY_MS,
      );
    },
    [redirectUrl, navigate, page.jsRedirect, page.innerRedirect, webview],
  );

  return (
    <div
      ref={rootRef}
      className={layoutClasses(page)}
      style={colours.tokens as CSSProperties}
      // Only once the tokens are set: until then the theme's own pair shows, never half of each (unreadable).
      data-background={code && page.backgroundColor ? '' : undefined}
      data-accent={code && page.foregroundColor1 ? '' : undefined}
    >
      {page.headerEnable && (
        <header className="cw-embed-header" lang={widget.language}>
          {page.headerImgEnable && <PadlockIcon />}
          <p>
            {widget.customerName
              ? `${frameTitles[widget.language]} · ${widget.customerName}`
              : frameTitles[widget.language]}
          </p>
        </header>
      )}
      <ConnectWidget
        {...widget}
        apiBaseUrl={deployment.apiBaseUrl}
        requestTimeoutMs={deployment.requestTimeoutMs}
        {...(successUrl ? { redirectUrl: successUrl.href } : {})}
        {...(settings.parentOrigin ? { frameParentOrigin: settings.parentOrigin } : {})}
        {...(redirectUrl ? { oauthRedirectUrl: redirectUrl.href } : {})}
        // The server's whole catalog (thousands of banks), fetched when the bank list shows.
        institutionCatalog
        // Back from an OAuth bank in the whole window (no redirectUrl): this page's own address carries the outcome.
        receivedRedirectUri={search}
        onEvent={onEvent}
        onSuccess={onSuccess}
      />
    </div>
  );
}

/** How long success waits, once REDIRECT is posted, before it leaves the host's page for redirectUrl. */
const REDIRECT_DELIVERY_MS = 50;

/** The theme's own colours: no custom property set, nothing to tell. */
const NO_COLOURS: { tokens: Record<string, string>; notes: string[] } = { tokens: {}, notes: [] };

/** The page's layout parameters as classes of embed.css. */
function layoutClasses(page: EmbedSettings['page']): string {
  const classes = ['cw-embed'];
  if (page.desktopLayout) classes.push('cw-embed--desktop');
  if (page.removePadding) classes.push('cw-embed--flush');
  if (page.boxLayout) classes.push('cw-embed--box');
  if (page.fixedHeightEnable) classes.push('cw-embed--fixed');
  if (page.staticLoadingEnable) classes.push('cw-embed--static');
  if (page.loadingType === 'text') classes.push('cw-embed--loading-text');
  return classes.join(' ');
}

function PadlockIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="5" y="10" width="14" height="10" rx="2" fill="currentColor" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** The addresses whose notes were already said: StrictMode and re-renders never repeat a line. */
const told = new WeakMap<Window, Set<string>>();

function tellDeveloper(view: Window, search: string, notes: readonly string[]): void {
  const said = told.get(view) ?? new Set<string>();
  told.set(view, said);
  if (notes.length === 0 || said.has(search)) return;
  said.add(search);
  for (const note of notes) console.warn(`Connect widget: ${note}.`);
}

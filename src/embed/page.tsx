import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import type { ConnectEventArgs } from '../flow/events';
import type { ConnectExitError, ConnectExitMetadata, ConnectSuccessMetadata } from '../flow/host';
import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import { loadOnce } from '../loadOnce';
import { PageLocksFirstScreen } from '../ui/serverDrawn';
import { createEmbedBridge } from './bridge';
import type { DeploymentConfig } from './config';
import { embedMessages, frameTitles } from './messages';
import { PARAMETERS, type ParameterName } from './parameters';
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

/** `/embed.html`: the widget as a page, or, when the URL or the deployment is wrong, a screen saying why. */
export function EmbedPage({ config, search, parent, framing, view, navigate }: EmbedPageProps) {
  const parsed = useMemo(
    () => parseEmbedParams(search, { config, framed: parent !== null, ...(framing ? { framing } : {}) }),
    [search, config, parent, framing],
  );
  const language = parsed.ok ? parsed.settings.widget.language : parsed.language;

  useEffect(() => {
    view.document.documentElement.lang = language;
    view.document.title = frameTitles[language];
  }, [view, language]);

  if (!parsed.ok) return <ConfigurationScreen problems={parsed.problems} language={language} />;
  return (
    // The server locks the first screen's buttons itself (server/embed-config.ts) until this page's script runs.
    <PageLocksFirstScreen.Provider value>
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
  const { parentOrigin, stringify, redirectUrl, widget, deployment, page } = settings;
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

  const onEvent = useCallback(
    (...[name, metadata]: ConnectEventArgs) => {
      // Sent by onExit, right after the message that says what was on screen.
      if (name !== 'COMPONENT_CLOSE_SESSION') bridge.post(name, metadata);
    },
    [bridge],
  );
  const onExit = useCallback(
    (error: ConnectExitError | null, { step }: ConnectExitMetadata) => {
      bridge.postExit(error, step);
      bridge.post('COMPONENT_CLOSE_SESSION', {});
    },
    [bridge],
  );
  // REDIRECT's url is the redirectUrl with loginId, institution and tag appended: the top window goes there, as
  // in Flinks Connect; the frame itself with innerRedirect (and a webview, to its deep link); nothing with jsRedirect.
  const onSuccess = useCallback(
    (success: ConnectSuccessMetadata) => {
      if (!redirectUrl || page.jsRedirect) return;
      if (page.innerRedirect || webview) navigate(success.url, 'self');
      else navigate(success.url);
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
        {...(redirectUrl ? { redirectUrl: redirectUrl.href } : {})}
        {...(settings.parentOrigin ? { frameParentOrigin: settings.parentOrigin } : {})}
        {...(redirectUrl ? { oauthRedirectUrl: redirectUrl.href } : {})}
        // The server's whole catalog (thousands of banks), fetched when the bank list shows.
        institutionCatalog
        // Back from an OAuth bank in the whole window (no redirectUrl): this page's own address carries the outcome.
        receivedRedirectUri={search}
        onEvent={onEvent}
        onSuccess={onSuccess}
        onExit={onExit}
      />
    </div>
  );
}

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

/** Says what is wrong, in both languages (the URL's language first): the page cannot know which one the person reads. */
function ConfigurationScreen({ problems, language }: { problems: ConfigProblem[]; language: Language }) {
  const languages: Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <main className="cw-embed-config">
      {languages.map((lang, index) => {
        const m = embedMessages[lang].configuration;
        // The first language's section is the page's h1; each section's details sit one level below its title.
        const Heading = index === 0 ? 'h1' : 'h2';
        const Details = index === 0 ? 'h2' : 'h3';
        return (
          <section
            key={lang}
            lang={lang}
            className="cw-embed-config__section"
            aria-labelledby={`cw-config-${lang}`}
          >
            <Heading
              id={`cw-config-${lang}`}
              ref={index === 0 ? headingRef : undefined}
              tabIndex={-1}
              className="cw-embed-config__title"
            >
              {m.title}
            </Heading>
            <p>{m.body}</p>
            <Details className="cw-embed-config__details">{m.detailsHeading}</Details>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.code}-${problem.param}`}>
                  {format(m.problems[problem.code], {
                    param: problem.param,
                    values: choicesOf(problem.param),
                  })}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}

/** The values a choice parameter takes, for its configuration message. */
function choicesOf(param: string): string {
  const spec = Object.prototype.hasOwnProperty.call(PARAMETERS, param)
    ? PARAMETERS[param as ParameterName]
    : null;
  return spec?.kind.type === 'choice' ? spec.kind.values.join(', ') : '';
}

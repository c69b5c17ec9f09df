import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import type { ConnectEventArgs } from '../flow/events';
import type { ConnectExitError, ConnectExitMetadata } from '../flow/host';
import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import { createEmbedBridge } from './bridge';
import type { DeploymentConfig } from './config';
import { embedMessages, frameTitles } from './messages';
import { parseEmbedParams, successRedirect, type ConfigProblem, type EmbedSettings } from './params';
import './embed.css';

export interface EmbedPageProps {
  /** The server's settings, read from the page's meta tag; null when missing or malformed. */
  config: DeploymentConfig | null;
  /** The page's query string. */
  search: string;
  /** The window that framed the page, or null at top level. */
  parent: Window | null;
  view: Window;
  /** Sends the top window to the success address (`redirectUrl`). */
  navigate: (href: string) => void;
}

/** `/embed.html`: the widget as a page, or, when the URL or the deployment is wrong, a screen saying why. */
export function EmbedPage({ config, search, parent, view, navigate }: EmbedPageProps) {
  const parsed = useMemo(
    () => parseEmbedParams(search, { config, framed: parent !== null }),
    [search, config, parent],
  );
  const language = parsed.ok ? parsed.settings.widget.language : parsed.language;

  useEffect(() => {
    view.document.documentElement.lang = language;
    view.document.title = frameTitles[language];
  }, [view, language]);

  if (!parsed.ok) return <ConfigurationScreen problems={parsed.problems} language={language} />;
  return <EmbeddedWidget settings={parsed.settings} parent={parent} navigate={navigate} search={search} />;
}

function EmbeddedWidget({
  settings,
  parent,
  navigate,
  search,
}: { settings: EmbedSettings } & Pick<EmbedPageProps, 'parent' | 'navigate' | 'search'>) {
  const rootRef = useRef<HTMLDivElement>(null);
  const { parentOrigin, stringify, redirectUrl, widget, deployment } = settings;
  const bridge = useMemo(
    () => createEmbedBridge({ parent, parentOrigin, stringify }),
    [parent, parentOrigin, stringify],
  );

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
    (error: ConnectExitError | null, { institution }: ConnectExitMetadata) => {
      bridge.postExit(error && { flinksCode: error.flinksCode, requestId: error.requestId, institution });
      bridge.post('COMPONENT_CLOSE_SESSION', {});
    },
    [bridge],
  );
  const onSuccess = useCallback(
    (success: { loginId: string; institution: string | null }) => {
      if (redirectUrl) navigate(successRedirect(redirectUrl, { ...success, tag: widget.tag ?? null }));
    },
    [redirectUrl, navigate, widget.tag],
  );

  return (
    <div ref={rootRef} className="cw-embed">
      <ConnectWidget
        {...widget}
        apiBaseUrl={deployment.apiBaseUrl}
        requestTimeoutMs={deployment.requestTimeoutMs}
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
                  {format(m.problems[problem.code], { param: problem.param })}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}

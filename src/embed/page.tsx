import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import type { ConnectEventArgs } from '../flow/events';
import type { ConnectExitError, ConnectExitMetadata, ConnectSuccessMetadata } from '../flow/host';
import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import { createEmbedBridge } from './bridge';
import type { DeploymentConfig } from './config';
import { embedMessages, frameTitles } from './messages';
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
  /** Sends the top window to the success address (`redirectUrl`). */
  navigate: (href: string) => void;
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
  return <EmbeddedWidget settings={parsed.settings} parent={parent} navigate={navigate} />;
}

function EmbeddedWidget({
  settings,
  parent,
  navigate,
}: { settings: EmbedSettings } & Pick<EmbedPageProps, 'parent' | 'navigate'>) {
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
  // REDIRECT's url is the redirectUrl with loginId, institution and tag appended: the page goes there.
  const onSuccess = useCallback(
    (success: ConnectSuccessMetadata) => {
      if (redirectUrl) navigate(success.url);
    },
    [redirectUrl, navigate],
  );

  return (
    <div ref={rootRef} className="cw-embed">
      <ConnectWidget
        {...widget}
        apiBaseUrl={deployment.apiBaseUrl}
        requestTimeoutMs={deployment.requestTimeoutMs}
        {...(redirectUrl ? { redirectUrl: redirectUrl.href } : {})}
        {...(settings.parentOrigin ? { frameParentOrigin: settings.parentOrigin } : {})}
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

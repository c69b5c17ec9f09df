import { useEffect, useId, useState, type ReactNode } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import { ConnectFrame } from '../embed/ConnectFrame';
import { format } from '../i18n/format';
import type { EventLog } from './eventLog';
import type { DemoMessages } from './messages';
import { demoSession } from './session';
import {
  componentSnippet,
  CUSTOMER_NAME,
  embedUrl,
  frameSnippet,
  PRODUCT_TYPE,
  scriptSnippet,
  type DemoSettings,
} from './settings';

/** The last host callback an embed called, shown under it. */
type Callback = { kind: 'success'; loginId: string } | { kind: 'exit'; code: string | null } | null;

interface EmbedProps {
  settings: DemoSettings;
  log: EventLog;
  m: DemoMessages;
  /** Bumped by "Start over": a new key remounts the embed, so a new connection starts. */
  run: number;
}

/** `<ConnectWidget>` rendered in the page. Changing the language keeps its progress; the options start it over. */
export function ComponentEmbed({ settings, log, m, run, apiBaseUrl }: EmbedProps & { apiBaseUrl: string }) {
  const t = m.embeds.component;
  const { language, theme, consentEnable, accountSelectorEnable } = settings;
  return (
    <EmbedPanel title={t.title} body={t.body} m={m} snippets={[componentSnippet(settings)]}>
      <EmbedRun
        key={`${run}-${consentEnable}-${accountSelectorEnable}`}
        render={(callbacks) => (
          <ConnectWidget
            apiBaseUrl={apiBaseUrl}
            language={language}
            theme={theme}
            demo
            customerName={CUSTOMER_NAME}
            productType={PRODUCT_TYPE}
            consentEnable={consentEnable}
            accountSelectorEnable={accountSelectorEnable}
            getSessionToken={() => demoSession(language)}
            onEvent={(...event) => log.add('component', ...event)}
            onSuccess={({ loginId }) => callbacks.success(loginId)}
            onExit={(error) => callbacks.exit(error?.flinksCode ?? null)}
          />
        )}
        m={m}
      />
    </EmbedPanel>
  );
}

/** The session each run of the iframe gets from the demo's stand-in backend; null until it is in. */
type FrameSession = { run: number; token: string | undefined } | null;

/**
 * `<ConnectFrame>` showing `/embed.html`: each change of its URL reloads it. Each run first gets a connect session,
 * as a partner's page gets one from its backend; without one (a server with no demo sessions), the embed page itself
 * says what it needs.
 */
export function FrameEmbed({ settings, log, m, run }: EmbedProps) {
  const t = m.embeds.frame;
  const [session, setSession] = useState<FrameSession>(null);
  const { language } = settings;
  useEffect(() => {
    let current = true;
    demoSession(language).then(
      (token) => current && setSession({ run, token }),
      () => current && setSession({ run, token: undefined }),
    );
    return () => {
      current = false;
    };
    // A session is for one run: a new language alone reloads the frame with the same session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  const ready = session !== null && session.run === run;
  const url = embedUrl(settings, ready ? session.token : undefined);
  return (
    <EmbedPanel
      title={t.title}
      body={t.body}
      m={m}
      snippets={[frameSnippet(settings), scriptSnippet(settings)]}
      between={t.vanilla}
    >
      <EmbedRun
        key={run}
        render={(callbacks) =>
          ready ? (
            <LoadingFrame message={t.loadingWidget}>
              {(loaded) => (
                <ConnectFrame
                  url={url}
                  className="cw-demo-frame"
                  onEvent={(...event) => {
                    loaded();
                    log.add('frame', ...event);
                  }}
                  onSuccess={({ loginId }) => callbacks.success(loginId)}
                  onExit={(error) => callbacks.exit(error?.flinksCode ?? null)}
                />
              )}
            </LoadingFrame>
          ) : (
            <p className="cw-demo-frame cw-demo-frame--starting" role="status">
              {t.startingSession}
            </p>
          )
        }
        m={m}
      />
    </EmbedPanel>
  );
}

/**
 * The frame with a loading message over it until the widget inside says its first word (an event), so the page never
 * shows an empty box while the embed page downloads.
 */
function LoadingFrame({
  message,
  children,
}: {
  message: string;
  children: (loaded: () => void) => ReactNode;
}) {
  const [loaded, setLoaded] = useState(false);
  return (
    <div className="cw-demo-frame-box">
      {children(() => setLoaded(true))}
      {!loaded && (
        <p className="cw-demo-frame cw-demo-frame--starting cw-demo-frame-cover" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

interface Callbacks {
  success(loginId: string): void;
  exit(code: string | null): void;
}

/** One connection attempt: the embed and what its host callbacks said, both forgotten on "Start over". */
function EmbedRun({ render, m }: { render: (callbacks: Callbacks) => ReactNode; m: DemoMessages }) {
  const [callback, setCallback] = useState<Callback>(null);
  const t = m.embeds;
  const note =
    callback === null
      ? t.waiting
      : callback.kind === 'success'
        ? format(t.success, { loginId: callback.loginId })
        : callback.code === null
          ? t.exit
          : format(t.exitWithError, { code: callback.code });
  return (
    <>
      <div className="cw-demo-embed">
        {render({
          success: (loginId) => setCallback({ kind: 'success', loginId }),
          exit: (code) => setCallback({ kind: 'exit', code }),
        })}
      </div>
      <p className="cw-demo-callback" role="status">
        {note}
      </p>
    </>
  );
}

interface EmbedPanelProps {
  title: string;
  body: string;
  m: DemoMessages;
  snippets: readonly string[];
  /** Text shown before the second snippet. */
  between?: string;
  children: ReactNode;
}

function EmbedPanel({ title, body, m, snippets, between, children }: EmbedPanelProps) {
  const id = useId();
  const [first, ...rest] = snippets;
  return (
    <section className="cw-demo-panel cw-demo-embed-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{body}</p>
      {children}
      <h3 className="cw-demo-code-title">{m.embeds.code}</h3>
      {first !== undefined && <CodeBlock code={first} />}
      {rest.length > 0 && between !== undefined && <p>{between}</p>}
      {rest.map((code) => (
        <CodeBlock key={code} code={code} />
      ))}
    </section>
  );
}

function CodeBlock({ code }: { code: string }) {
  // Focusable so a keyboard can scroll a long line; code stays in English on a French page.
  return (
    <pre className="cw-demo-pre" tabIndex={0} lang="en" translate="no">
      <code>{code}</code>
    </pre>
  );
}

import { useId, useState, useSyncExternalStore } from 'react';
import type { EventLog } from './eventLog';
import type { DemoMessages } from './messages';

/** What the host's `onEvent` received from both embeds, newest first. */
export function EventLogPanel({ log, m }: { log: EventLog; m: DemoMessages }) {
  const t = m.log;
  const id = useId();
  const entries = useSyncExternalStore(log.subscribe, log.entries, log.entries);
  // The iframe reports its height at every change: hidden by default, so the log stays readable and quiet.
  const [showResize, setShowResize] = useState(false);
  const shown = showResize ? entries : entries.filter((entry) => entry.name !== 'APP_RESIZE');

  return (
    <section className="cw-demo-panel cw-demo-log" aria-labelledby={`${id}-title`}>
      <div className="cw-demo-panel-header">
        <h2 id={`${id}-title`}>{t.title}</h2>
        <button type="button" className="cw-demo-button" onClick={log.clear} disabled={entries.length === 0}>
          {t.clear}
        </button>
      </div>
      <p className="cw-demo-hint">{t.hint}</p>
      <label className="cw-demo-check">
        <input
          type="checkbox"
          checked={showResize}
          onChange={(event) => setShowResize(event.target.checked)}
        />
        <span>{t.showResize}</span>
      </label>
      {/* Focusable so a keyboard can scroll it. */}
      <div className="cw-demo-log-entries" role="log" aria-live="polite" aria-label={t.list} tabIndex={0}>
        {shown.length === 0 ? (
          <p className="cw-demo-hint">{t.empty}</p>
        ) : (
          <ol>
            {shown.map((entry) => (
              <li key={entry.id} className="cw-demo-log-entry">
                <span className={`cw-demo-source cw-demo-source--${entry.source}`}>
                  {t.sources[entry.source]}
                </span>{' '}
                <code className="cw-demo-event-name">{entry.name}</code>{' '}
                <code className="cw-demo-metadata">{JSON.stringify(entry.metadata)}</code>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

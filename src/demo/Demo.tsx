import { useId, useState } from 'react';
import { ConnectWidget } from '../ConnectWidget';
import type { ConnectEvent, ConnectEventArgs } from '../flow/events';
import { LANGUAGES, messagesFor, type Language } from '../i18n';
import './demo.css';

/** The sandbox API served beside the demo (`npm start`, `npm run dev`). */
export const DEMO_API_BASE_URL = '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

/** A small host page: the widget against the sandbox, a language switch and the event log. */
export function Demo() {
  const id = useId();
  const [language, setLanguage] = useState<Language>('en');
  const [events, setEvents] = useState<ConnectEvent[]>([]);
  const m = messagesFor(language).ui.demo;

  const logEvent = (...[name, metadata]: ConnectEventArgs) =>
    setEvents((logged) => [...logged, { name, metadata } as ConnectEvent]);

  return (
    <main className="cw-demo" lang={language}>
      <h1 className="cw-demo-title">{m.title}</h1>
      <div className="cw-demo-controls">
        <label htmlFor={`${id}-language`}>{m.language}</label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option}>
              {option === 'en' ? m.english : m.french}
            </option>
          ))}
        </select>
      </div>
      <ConnectWidget
        demo
        consentEnable
        apiBaseUrl={DEMO_API_BASE_URL}
        language={language}
        onEvent={logEvent}
      />
      <section className="cw-demo-log" aria-labelledby={`${id}-events`}>
        <div className="cw-demo-log-header">
          <h2 id={`${id}-events`}>{m.events}</h2>
          <button type="button" onClick={() => setEvents([])} disabled={events.length === 0}>
            {m.clear}
          </button>
        </div>
        {events.length === 0 ? (
          <p>{m.noEvents}</p>
        ) : (
          <ol>
            {events.map((event, index) => (
              <li key={index}>
                <code>{event.name}</code>{' '}
                <code className="cw-demo-metadata">{JSON.stringify(event.metadata)}</code>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

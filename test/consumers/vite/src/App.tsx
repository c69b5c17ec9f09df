import { ConnectWidget, type ConnectEventName } from '@connect-widget/react';
import '@connect-widget/react/style.css';
import { useState } from 'react';

// A partner's page as the README shows it: the widget, its events, and the login kept on success.
export function App() {
  const [events, setEvents] = useState<ConnectEventName[]>([]);
  const [loginId, setLoginId] = useState<string | null>(null);
  return (
    <main>
      <h1>Acme Lending</h1>
      <p role="status">{loginId ? `Connected: ${loginId}` : ''}</p>
      <ConnectWidget
        apiBaseUrl={import.meta.env.VITE_API_BASE_URL}
        demo
        institution="FlinksCapital"
        onEvent={(name) => setEvents((seen) => [...seen, name])}
        onSuccess={({ loginId }) => setLoginId(loginId)}
      />
      <ol aria-label="Events">
        {events.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ol>
    </main>
  );
}

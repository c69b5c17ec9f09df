import { useState } from 'react';
import { ConnectWidget } from '../../../src';

/**
 * A partner's page that renders the widget on its server (any `renderToString`, as Next.js or React Router do) and
 * hydrates it in the browser: the same tree on both sides.
 */
export function PartnerPage({ apiBaseUrl }: { apiBaseUrl: string }) {
  const [loginId, setLoginId] = useState<string | null>(null);
  return (
    <main>
      <h1>Acme Lending</h1>
      <p role="status">{loginId ? `Connected: ${loginId}` : ''}</p>
      <ConnectWidget
        apiBaseUrl={apiBaseUrl}
        demo
        institution="FlinksCapital"
        onSuccess={(success) => setLoginId(success.loginId)}
      />
    </main>
  );
}

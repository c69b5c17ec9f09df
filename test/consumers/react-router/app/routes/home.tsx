import { ConnectWidget } from '@connect-widget/react';
import { useState } from 'react';
import { useLoaderData } from 'react-router';

// Read on the server at each request, handed to the page as loader data (drawn on the server, then hydrated).
export function loader() {
  return {
    apiBaseUrl:
      process.env.SANDBOX_API_BASE_URL ?? '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  };
}

export default function Home() {
  const { apiBaseUrl } = useLoaderData<typeof loader>();
  const [loginId, setLoginId] = useState<string | null>(null);
  return (
    <main>
      <h1>Acme Lending</h1>
      <p role="status">{loginId ? `Connected: ${loginId}` : ''}</p>
      <ConnectWidget
        apiBaseUrl={apiBaseUrl}
        demo
        institution="FlinksCapital"
        onSuccess={({ loginId }) => setLoginId(loginId)}
      />
    </main>
  );
}

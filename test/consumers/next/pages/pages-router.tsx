// The Pages Router: the page rendered on the server at each request (getServerSideProps), then hydrated.
import { ConnectWidget } from '@connect-widget/react';
import type { GetServerSideProps } from 'next';
import { useState } from 'react';

interface Props {
  apiBaseUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async () => ({
  props: {
    apiBaseUrl:
      process.env.SANDBOX_API_BASE_URL ?? '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  },
});

export default function PagesRouterPage({ apiBaseUrl }: Props) {
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

// A server component: the server-safe entry for data, the widget itself straight from the package (a client
// reference thanks to its 'use client'), and a client component of ours for the callbacks.
import { ConnectWidget } from '@connect-widget/react';
import { CONNECT_EVENT_NAMES, GUIDANCE, type ConnectSession } from '@connect-widget/react/server';
import { Connect } from './Connect';

// The sandbox bank of test/consumers/shared/before-hydration.mjs when it runs (read when the page is built).
const API_BASE_URL =
  process.env.SANDBOX_API_BASE_URL ?? '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

export default function Page() {
  const session: ConnectSession | null = null;
  return (
    <main>
      <h1>Acme Lending</h1>
      <p>
        {CONNECT_EVENT_NAMES.length} event names; INVALID_PASSWORD is a {GUIDANCE.INVALID_PASSWORD.kind}{' '}
        problem
        {session ? '' : '; no session yet'}.
      </p>
      <section aria-label="From a server component">
        <ConnectWidget apiBaseUrl={API_BASE_URL} demo institution="FlinksCapital" />
      </section>
      <section aria-label="From a client component">
        <Connect apiBaseUrl={API_BASE_URL} />
      </section>
    </main>
  );
}

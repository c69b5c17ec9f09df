// Run inside an installed consumer app that has msw (test/consumers/run.ts copies it there): the sandbox answering a
// test's fetch calls in-process through MSW, as the README shows for Vitest and Jest, on the app's msw version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { version, engines } = JSON.parse(readFileSync(require.resolve('msw/package.json'), 'utf8'));
// msw 3 wants Node 22 (`engines`), where `Promise.withResolvers` exists; this machine runs Node 20, the package's
// lowest. Filled in here, and said so, so that what is checked is the sandbox's handlers on msw 3's own API.
let note = '';
if (typeof Promise.withResolvers !== 'function' && Number(version.split('.')[0]) >= 3) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
  note = ` (msw asks for Node ${engines?.node ?? '?'}; on Node ${process.versions.node} with Promise.withResolvers filled in)`;
}
const { setupServer } = await import('msw/node');
const { createSandbox, SANDBOX_PASSWORD } = await import('@connect-widget/react/sandbox');
const { sandboxHandlers } = await import('@connect-widget/react/sandbox/msw');
const server = setupServer(...sandboxHandlers(createSandbox({ latencyMs: 0 })));
server.listen({ onUnhandledRequest: 'error' });
try {
  const response = await fetch('https://bank.test/v3/any-customer/BankingServices/Authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Institution: 'FlinksCapital', Username: 'Greatday', Password: SANDBOX_PASSWORD }),
  });
  const body = await response.json();
  if (body.HttpStatusCode !== 203)
    throw new Error(`MSW ${version}: the sandbox answered ${response.status} ${JSON.stringify(body)}`);
  console.log(`MSW ${version}: the sandbox answered Greatday with a security question${note}`);
} finally {
  server.close();
}

import { loadOnce } from '../loadOnce';
import { codeNotLoaded } from './unloaded';
import type { ClientOptions, FlinksClient } from './types';

export { DEFAULT_TIMEOUT_MS } from './timeout';

/**
 * The calls themselves (transport, answer reading, session renewal: src/api/calls.ts) come in a chunk of their own:
 * no call goes out before the person's first submit, and the widget fetches this chunk while they fill in the form
 * (`prefetchLaterSteps`). Fetched anew after a failure.
 */
const calls = loadOnce(() => import('./calls'), { retryOnLoad: true });

/** The client's answer checks (and so the calls' chunk), fetched ahead. */
export function loadChecks(): Promise<unknown> {
  return calls.load().then((code) => code.loadChecks());
}

/**
 * Builds the client for one connection session. Every call resolves to an answer, never rejects: code that could not
 * be downloaded is a network problem, said so.
 *
 * @example
 * const client = createFlinksClient({ baseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices' });
 * const result = await client.authorize({ institution: 'FlinksCapital', username: 'Greatday', password });
 * if (result.kind === 'challenged') showQuestions(result.challenges);
 */
export function createFlinksClient(options: ClientOptions): FlinksClient {
  let client: FlinksClient | undefined;
  function later<Name extends keyof FlinksClient>(name: Name): FlinksClient[Name] {
    const call = (...args: unknown[]) =>
      calls.load().then(
        (code) => {
          client ??= code.createClientNow(options);
          return (client[name] as (...args: unknown[]) => Promise<unknown>)(...args);
        },
        () => codeNotLoaded('makes the calls'),
      );
    return call as FlinksClient[Name];
  }
  return {
    authorize: later('authorize'),
    authorizeCached: later('authorizeCached'),
    answerMfa: later('answerMfa'),
    resumeMfa: later('resumeMfa'),
    getAccountsDetail: later('getAccountsDetail'),
    getAccountsDetailAsync: later('getAccountsDetailAsync'),
    getAccountsSummary: later('getAccountsSummary'),
    getAccountsSummaryAsync: later('getAccountsSummaryAsync'),
    getStatements: later('getStatements'),
    deleteCard: later('deleteCard'),
    getMfaQuestions: later('getMfaQuestions'),
    answerMfaQuestions: later('answerMfaQuestions'),
    oauthStart: later('oauthStart'),
    oauthRedeem: later('oauthRedeem'),
    institutionCatalog: later('institutionCatalog'),
  };
}

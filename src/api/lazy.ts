import { loadOnce } from '../loadOnce';
import type { ApiError, ClientOptions, FlinksClient } from './types';

/**
 * The client's code (transport, answer checks, refusal reports) in its own chunk, fetched with the first call or
 * ahead of it (`prefetchClient`, from the credential form): the first screen never needs it. A failed download is
 * fetched again on the next call.
 */
const clientCode = loadOnce(() => import('./client'), { retryOnLoad: true });

/** Starts fetching the client and its answer checks, before the first call. */
export function prefetchClient(): void {
  clientCode
    .load()
    .then((code) => code.loadChecks())
    .catch(() => undefined);
}

/** Every method of the client: the type fails to compile when the client gains one that is missing here. */
const METHODS: { readonly [Name in keyof FlinksClient]: true } = {
  authorize: true,
  authorizeCached: true,
  answerMfa: true,
  resumeMfa: true,
  getAccountsDetail: true,
  getAccountsDetailAsync: true,
  getAccountsSummary: true,
  getAccountsSummaryAsync: true,
  getStatements: true,
  deleteCard: true,
};

/** Like the answer checks: client code that could not be downloaded is a network problem, said so. */
const NOT_LOADED: ApiError = {
  kind: 'error',
  httpStatus: null,
  flinksCode: 'NETWORK_ERROR',
  message: 'The code that sends calls could not be loaded.',
  requestId: null,
  cause: 'network',
};

/**
 * `createFlinksClient(options)`, made with the first call: the same one client (single-use token, session renewal)
 * answers every call. Like the client itself, every method resolves and none throws.
 */
export function lazyFlinksClient(options: ClientOptions): FlinksClient {
  let client: FlinksClient | null = null;
  const methods = Object.keys(METHODS) as (keyof FlinksClient)[];
  return Object.fromEntries(
    methods.map((name) => [
      name,
      (...args: unknown[]) =>
        clientCode.load().then(
          (code) => {
            client ??= code.createFlinksClient(options);
            return (client[name] as (...args: unknown[]) => Promise<unknown>)(...args);
          },
          () => NOT_LOADED,
        ),
    ]),
  ) as unknown as FlinksClient;
}

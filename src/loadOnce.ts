/**
 * Something fetched once (a code chunk, a catalog) and shared by everyone who asks. The one rule for failures: a
 * failed load is kept, so a render never loops on retries, and is fetched anew on the next `load()` after `retry()`
 * or, for callers that always want a fresh try, on `load()` itself (`retryOnLoad`).
 */
export interface Once<T> {
  /** Starts the load, or joins the one under way; resolves to the value. */
  load(): Promise<T>;
  /** The value, once in. */
  current(): T | undefined;
  /**
   * For render: the value, or suspends (throws the pending promise, which `<Suspense>` waits for, on React 18 and 19
   * alike), or throws the failure for an error boundary.
   */
  read(): T;
  /** Puts the value in without loading (tests, stories, code that imports it directly). */
  set(value: T): void;
  /** Forgets a failure: the next `load()` or `read()` fetches anew. */
  retry(): void;
}

type Status<T> =
  | { kind: 'idle' }
  | { kind: 'pending'; promise: Promise<T> }
  | { kind: 'fulfilled'; value: T }
  | { kind: 'rejected'; reason: unknown; promise: Promise<T> };

export function loadOnce<T>(loader: () => Promise<T>, options: { retryOnLoad?: boolean } = {}): Once<T> {
  let status: Status<T> = { kind: 'idle' };

  function start(): Promise<T> {
    const promise = loader().then(
      (value) => {
        if (status.kind === 'pending' && status.promise === promise) status = { kind: 'fulfilled', value };
        return value;
      },
      (reason: unknown) => {
        if (status.kind === 'pending' && status.promise === promise)
          status = { kind: 'rejected', reason, promise };
        throw reason;
      },
    );
    // The failure is kept in `status`; a caller that does not wait for it must not see an unhandled rejection.
    promise.catch(() => undefined);
    status = { kind: 'pending', promise };
    return promise;
  }

  return {
    load() {
      switch (status.kind) {
        case 'idle':
          return start();
        case 'pending':
          return status.promise;
        case 'fulfilled':
          return Promise.resolve(status.value);
        case 'rejected':
          return options.retryOnLoad ? start() : status.promise;
      }
    },
    current: () => (status.kind === 'fulfilled' ? status.value : undefined),
    read() {
      switch (status.kind) {
        case 'fulfilled':
          return status.value;
        case 'rejected':
          throw status.reason;
        case 'pending':
          throw status.promise;
        case 'idle':
          throw start();
      }
    },
    set(value) {
      status = { kind: 'fulfilled', value };
    },
    retry() {
      if (status.kind === 'rejected') status = { kind: 'idle' };
    },
  };
}

/*
 * Suspending on a promise in a way React 18 and 19 both understand: the render throws the pending promise, and
 * `<Suspense>` renders again once it settles. (React 19's `use()` does the same, but React 18 has no `use`.)
 */

type Outcome<T> =
  { status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown };

const outcomes = new WeakMap<Promise<unknown>, Outcome<unknown>>();

/** Records a promise's outcome as it settles, so that a later render reads it without waiting. */
function track<T>(promise: Promise<T>): Outcome<T> {
  let outcome = outcomes.get(promise) as Outcome<T> | undefined;
  if (!outcome) {
    outcome = { status: 'pending' };
    outcomes.set(promise, outcome);
    promise.then(
      (value) => outcomes.set(promise, { status: 'fulfilled', value }),
      (reason: unknown) => outcomes.set(promise, { status: 'rejected', reason }),
    );
  }
  return outcome;
}

/**
 * The value of a promise, read during render: returns it once the promise has fulfilled, throws its reason once it
 * has rejected (for an error boundary), and suspends until then (for the `<Suspense>` above). Give it the same
 * promise on every render until it settles: a new promise each time would suspend forever.
 */
export function readPromise<T>(promise: Promise<T>): T {
  const outcome = track(promise);
  if (outcome.status === 'fulfilled') return outcome.value;
  if (outcome.status === 'rejected') throw outcome.reason;
  throw promise;
}

/** Starts recording a promise's outcome now, so `promiseStatus` knows it however the promise is used later. */
export function tracked<T>(promise: Promise<T>): Promise<T> {
  track(promise);
  return promise;
}

/** Whether a promise has settled, and how: `pending` until its outcome is recorded (see `tracked`). */
export function promiseStatus(promise: Promise<unknown>): Outcome<unknown>['status'] {
  return track(promise).status;
}

import type { Context, Env, MiddlewareHandler } from 'hono';
import { errorBody, sandboxError } from './errors';
import { newGuid, seededRandom } from './ids';

/**
 * Failures the sandbox can put between the widget and the bank (SANDBOX_FAULTS), so that every screen's way out of
 * a bad network is tried on purpose rather than by luck:
 * - `500`: an AGGREGATION_ERROR body, or a bare `Internal Server Error` from something in front of the API;
 * - `timeout`: no answer at all until the caller gives up (its signal aborts), then the connection drops;
 * - `malformed`: a JSON body cut in the middle, or an HTML page where JSON was expected;
 * - `slow`: the real answer, late;
 * - `reset`: the connection drops before any answer (a rejected `fetch`, a destroyed socket over HTTP).
 *
 * Only `slow` lets the request reach the bank. Every other fault answers in its place, so a faulted request
 * never changes the sandbox's state and the person can simply send it again.
 */
export const FAULT_KINDS = ['500', 'timeout', 'malformed', 'slow', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * @example
 * createSandbox({ faults: { rate: 0.2, kinds: ['500', 'reset'], seed: 42 } });
 */
export interface FaultOptions {
  /** Share of API calls that fail, from 0 to 1. */
  rate: number;
  /** The failures drawn from, each as likely as the others. */
  kinds: readonly FaultKind[];
  /** The same seed and the same calls give the same faults, run after run. */
  seed: number;
  /** How late a `slow` answer comes. Default {@link FAULT_DEFAULTS.slowMs}. */
  slowMs?: number | undefined;
  /** The longest a `timeout` holds a call whose caller never gives up. Default {@link FAULT_DEFAULTS.maxHoldMs}. */
  maxHoldMs?: number | undefined;
}

export const FAULT_DEFAULTS = { seed: 1, slowMs: 2000, maxHoldMs: 60_000 } as const;

/** One fault drawn for one call. `variant` picks between the two forms of `500` and of `malformed`. */
export interface Fault {
  kind: FaultKind;
  variant: 0 | 1;
}

/** The seeded sequence of faults: one draw per API call. */
export interface FaultPlan {
  next(): Fault | null;
  /** Back to the first draw, as a fresh sandbox with the same seed would be. */
  restart(): void;
}

export function createFaultPlan(options: Pick<FaultOptions, 'rate' | 'kinds' | 'seed'>): FaultPlan {
  let random = seededRandom(`faults:${options.seed}`);
  return {
    next() {
      // Three draws every call, faulted or not, so one call's outcome never shifts the next calls' faults.
      const hit = random();
      const which = random();
      const variant = random() < 0.5 ? 0 : 1;
      const kind = options.kinds[Math.floor(which * options.kinds.length)];
      return hit < options.rate && kind !== undefined ? { kind, variant } : null;
    },
    restart() {
      random = seededRandom(`faults:${options.seed}`);
    },
  };
}

/** What `fetch` rejects with when the sandbox drops a connection: a TypeError, like a real network failure. */
export class SandboxConnectionReset extends TypeError {
  constructor() {
    super('fetch failed: the sandbox dropped the connection (SANDBOX_FAULTS)');
  }

  /**
   * Hono answers an error that has `getResponse()` with that answer, without logging it. A server that composes the
   * sandbox into its own Hono app thus stays quiet, and its Node adapter drops the socket (see `sandbox/node`).
   */
  getResponse(): Response {
    return new Response(null, { status: 502 });
  }
}

const dropped = new WeakSet<Request>();

/** True when the sandbox decided to drop this request's connection instead of answering it. */
export function isDropped(request: Request): boolean {
  return dropped.has(request);
}

/** A body cut in the middle, as when a proxy closes the stream early. */
const TRUNCATED_JSON = '{"HttpStatusCode":200,"Login":{"Id":"';

const GATEWAY_PAGE =
  '<!doctype html><html><head><title>Service unavailable</title></head><body><h1>Service unavailable</h1><p>Please try again later.</p></body></html>';

function faultResponse(fault: Fault): Response {
  const noStore = { 'cache-control': 'no-store' };
  if (fault.kind === '500') {
    return fault.variant === 0
      ? Response.json(errorBody(sandboxError(500, 'AGGREGATION_ERROR'), newGuid()), {
          status: 500,
          headers: noStore,
        })
      : new Response('Internal Server Error', {
          status: 500,
          headers: { 'content-type': 'text/plain; charset=utf-8', ...noStore },
        });
  }
  return fault.variant === 0
    ? new Response(TRUNCATED_JSON, {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', ...noStore },
      })
    : new Response(GATEWAY_PAGE, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', ...noStore },
      });
}

/** Waits `ms`; resolves false as soon as the caller gives up. */
function pause(ms: number, signal: AbortSignal, sleep?: (ms: number) => Promise<void>): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (elapsed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(elapsed);
    };
    const onAbort = () => done(false);
    signal.addEventListener('abort', onAbort, { once: true });
    if (sleep) void sleep(ms).then(() => done(true));
    else timer = setTimeout(() => done(true), ms);
  });
}

function drop(request: Request): Response {
  dropped.add(request);
  // Never seen by a client: the sandbox's fetch rejects instead, and an HTTP server destroys the socket.
  return new Response(null, { status: 502 });
}

export interface FaultHooks<E extends Env> {
  /** How a delay is waited for; default a `setTimeout` cleared when the caller gives up. */
  sleep?: (ms: number) => Promise<void>;
  /** Told of every fault, before it happens (e.g. to log it). */
  onFault?: (c: Context<E>, kind: FaultKind) => void;
}

/** The Hono middleware that injects the plan's faults into the API calls that pass through it. */
export function injectFaults<E extends Env>(
  options: FaultOptions,
  plan: FaultPlan,
  hooks: FaultHooks<E> = {},
): MiddlewareHandler<E> {
  const slowMs = options.slowMs ?? FAULT_DEFAULTS.slowMs;
  const maxHoldMs = options.maxHoldMs ?? FAULT_DEFAULTS.maxHoldMs;
  return async (c, next) => {
    // A CORS preflight is the browser's, not the API's: failing it would only test the browser.
    if (c.req.method === 'OPTIONS') return next();
    const fault = plan.next();
    if (fault === null) return next();
    hooks.onFault?.(c, fault.kind);
    const request = c.req.raw;
    switch (fault.kind) {
      case '500':
      case 'malformed':
        return faultResponse(fault);
      case 'slow':
        // A caller that gave up meanwhile is never answered, so nothing it no longer waits for is applied.
        if (await pause(slowMs, request.signal, hooks.sleep)) return next();
        return drop(request);
      case 'timeout':
        await pause(maxHoldMs, request.signal, hooks.sleep);
        return drop(request);
      case 'reset':
        return drop(request);
      default: {
        const unknown: never = fault.kind;
        throw new Error(`Unknown fault ${String(unknown)}`);
      }
    }
  };
}

export type ParsedFaults = { ok: true; faults: FaultOptions | null } | { ok: false; problem: string };

const FAULT_KEYS = ['rate', 'kinds', 'seed', 'slow', 'hold'];

/** A whole number from 0 to `max`, or null. */
function wholeNumber(value: string, max: number): number | null {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(parsed) && parsed <= max ? parsed : null;
}

/**
 * Reads SANDBOX_FAULTS: `rate=0.2,kinds=500|timeout|malformed|slow|reset,seed=42`, plus optional `slow=<ms>` and
 * `hold=<ms>`. `kinds` defaults to all of them and `seed` to 1. Empty, `off` or `0` turns faults off.
 *
 * @example
 * parseFaults('rate=0.3,kinds=500|reset,seed=7'); // { ok: true, faults: { rate: 0.3, kinds: ['500', 'reset'], seed: 7 } }
 */
export function parseFaults(spec: string): ParsedFaults {
  const text = spec.trim();
  if (text === '' || text === 'off' || text === '0') return { ok: true, faults: null };
  const problem = (why: string): ParsedFaults => ({ ok: false, problem: why });

  const fields = new Map<string, string>();
  for (const part of text.split(',')) {
    const [key = '', value = '', ...extra] = part.split('=').map((piece) => piece.trim());
    if (!part.includes('=') || value === '' || extra.length > 0) {
      return problem(`"${part.trim()}" is not a key=value pair`);
    }
    if (!FAULT_KEYS.includes(key)) return problem(`unknown key "${key}" (expected ${FAULT_KEYS.join(', ')})`);
    if (fields.has(key)) return problem(`${key} is given twice`);
    fields.set(key, value);
  }

  const rateText = fields.get('rate');
  if (rateText === undefined) return problem('rate is required, e.g. rate=0.2');
  if (!/^(0|1|0?\.\d+|1\.0+)$/.test(rateText)) {
    return problem(`rate must be a number from 0 to 1 (got "${rateText}")`);
  }

  const kindsText = fields.get('kinds');
  const kinds: FaultKind[] = [];
  for (const name of kindsText === undefined ? FAULT_KINDS : kindsText.split('|')) {
    const kind = FAULT_KINDS.find((known) => known === name.trim());
    if (kind === undefined)
      return problem(`kinds must be some of ${FAULT_KINDS.join('|')} (got "${kindsText}")`);
    if (!kinds.includes(kind)) kinds.push(kind);
  }

  const numbers: Record<'seed' | 'slow' | 'hold', number | undefined> = {
    seed: undefined,
    slow: undefined,
    hold: undefined,
  };
  const maxima = { seed: 0xffffffff, slow: 600_000, hold: 3_600_000 };
  for (const key of ['seed', 'slow', 'hold'] as const) {
    const value = fields.get(key);
    if (value === undefined) continue;
    const parsed = wholeNumber(value, maxima[key]);
    if (parsed === null)
      return problem(`${key} must be a whole number from 0 to ${maxima[key]} (got "${value}")`);
    numbers[key] = parsed;
  }

  return {
    ok: true,
    faults: {
      rate: Number(rateText),
      kinds,
      seed: numbers.seed ?? FAULT_DEFAULTS.seed,
      ...(numbers.slow === undefined ? {} : { slowMs: numbers.slow }),
      ...(numbers.hold === undefined ? {} : { maxHoldMs: numbers.hold }),
    },
  };
}

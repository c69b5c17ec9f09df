import type { Context, MiddlewareHandler } from 'hono';
import { addressOf, clientKeyOf, networkKeyFor } from './client-address';
import { CLIENT_LIMITS, type ClientLimits } from './config';
import { BODY_DEADLINE_MS, flinksError, setBodyBudget, type BodyBudget } from './http';

/**
 * How much of this process the API's callers may hold at once. A call takes its slot before anything else is done
 * with it (its body is read inside the slot), and gives it back when its answer is ready.
 */
export interface InFlightLimits extends ClientLimits {
  /** Body bytes each call may keep without asking the shared budget below: more than any body but an image answer. */
  bodyAllowance: number;
  /** Body bytes past their allowance all calls together may keep (image answers to MFA, up to 1 MB each). */
  largeBodyBytes: number;
  /** Of those, what one client may keep. */
  largeBodyBytesPerAddress: number;
  /** How long a body may take to arrive once its call has its slot. */
  bodyDeadlineMs: number;
  /**
   * How many times a client's share one IPv6 /48 may hold in all (slots and large-body bytes): one customer's network
   * holds 65,536 /64s, and without this 32 of them would take every slot.
   */
  networkShares: number;
}

const MB = 1024 * 1024;

/**
 * With the defaults, bodies being read or waiting on the bank hold at most 1,024 x 16 kB + 64 MB (80 MB) of memory,
 * however many clients hold them, and one client at most 32 x 16 kB + 8 MB.
 */
const IN_FLIGHT_LIMITS: InFlightLimits = {
  ...CLIENT_LIMITS,
  bodyAllowance: 16 * 1024,
  largeBodyBytes: 64 * MB,
  largeBodyBytesPerAddress: 8 * MB,
  bodyDeadlineMs: BODY_DEADLINE_MS,
  networkShares: 4,
};

function refused(c: Context, status: 429 | 503): Response {
  // A body left unread cannot be skipped on the same connection: close it.
  const close: Record<string, string> =
    c.req.method === 'GET' || c.req.method === 'HEAD' ? {} : { connection: 'close' };
  return status === 503
    ? flinksError(503, 'RETRY_LATER', 'The service is busy. Try again in a moment.', {
        'retry-after': '1',
        ...close,
      })
    : flinksError(429, 'TOO_MANY_REQUESTS', 'Too many attempts in a short time.', {
        'retry-after': '1',
        ...close,
      });
}

/**
 * The limits above for one process: a middleware for the routes that read bodies or wait on the bank. Over the
 * process's cap a call gets 503 RETRY_LATER; over its client's, 429 TOO_MANY_REQUESTS; both at once, with no byte
 * of the body read and nothing sent upstream.
 */
export function inFlightLimiter(settings: Partial<InFlightLimits> = {}): MiddlewareHandler {
  const limits = { ...IN_FLIGHT_LIMITS, ...settings };
  let calls = 0;
  let largeBytes = 0;
  const callsBy = new Map<string, number>();
  const largeBytesBy = new Map<string, number>();

  const add = (map: Map<string, number>, key: string, delta: number) => {
    const value = (map.get(key) ?? 0) + delta;
    if (value > 0) map.set(key, value);
    else map.delete(key);
  };

  return async (c, next) => {
    // The client (an IPv4 address, an IPv6 /64) and, for IPv6, the /48 it is in: each has its share.
    const client = clientKeyOf(c.req.raw);
    const network = networkKeyFor(addressOf(c.req.raw));
    const holders = network === null ? [client] : [client, network];
    const share = (key: string) => (key === network ? limits.networkShares : 1);
    if (holders.some((key) => (callsBy.get(key) ?? 0) >= limits.inFlightPerAddress * share(key))) {
      return refused(c, 429);
    }
    if (calls >= limits.inFlight) return refused(c, 503);
    calls += 1;
    for (const key of holders) add(callsBy, key, 1);
    let received = 0;
    let charged = 0;
    const budget: BodyBudget = {
      deadlineMs: limits.bodyDeadlineMs,
      take(bytes) {
        const wanted = Math.max(0, received + bytes - limits.bodyAllowance) - charged;
        if (wanted > 0) {
          const over = (key: string) =>
            (largeBytesBy.get(key) ?? 0) + wanted > limits.largeBodyBytesPerAddress * share(key);
          if (holders.some(over)) return 'address-busy';
          if (largeBytes + wanted > limits.largeBodyBytes) return 'busy';
          largeBytes += wanted;
          for (const key of holders) add(largeBytesBy, key, wanted);
          charged += wanted;
        }
        received += bytes;
        return 'ok';
      },
    };
    setBodyBudget(c.req.raw, budget);
    try {
      await next();
    } finally {
      // The body (and what was made of it) is kept until the answer is ready: so is its share of the budget.
      calls -= 1;
      largeBytes -= charged;
      for (const key of holders) {
        add(callsBy, key, -1);
        add(largeBytesBy, key, -charged);
      }
    }
  };
}

import type { Context, MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';

/**
 * Who a request comes from, for limits: the socket's address, or, when that socket is one of
 * `CONNECT_TRUSTED_PROXIES`, the first hop of `X-Forwarded-For` (read from the right) that is not a trusted proxy.
 * A header from anyone else is ignored, so rotating it buys nothing.
 */
const addresses = new WeakMap<Request, string>();

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

export function clientAddress(
  socketAddress: string | null,
  forwardedFor: string | null,
  trustedProxies: ReadonlySet<string>,
): string {
  const socket = socketAddress ? normalizeAddress(socketAddress) : 'local';
  if (!trustedProxies.has(socket) || !forwardedFor) return socket;
  const hops = forwardedFor
    .split(',')
    .map(normalizeAddress)
    .filter((hop) => isIP(hop) !== 0);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (hop && !trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? socket;
}

function socketAddressOf(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Records every request's client address, for {@link addressOf}; add it first. */
export function recordClientAddress(trustedProxies: readonly string[]): MiddlewareHandler {
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  return async (c, next) => {
    addresses.set(
      c.req.raw,
      clientAddress(socketAddressOf(c), c.req.header('x-forwarded-for') ?? null, trusted),
    );
    await next();
  };
}

/** The address {@link recordClientAddress} found for this request; `local` for one that came without a socket. */
export function addressOf(request: Request): string {
  return addresses.get(request) ?? 'local';
}

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { BlockList, isIP } from 'node:net';

/**
 * Who a request comes from, for limits: the socket's address, or, when that socket is one of
 * `CONNECT_TRUSTED_PROXIES`, the first hop of `X-Forwarded-For` (read from the right) that is not a trusted proxy.
 * A header from anyone else is ignored, so rotating it buys nothing.
 */
const addresses = new WeakMap<Request, string>();

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client; an IPv6 zone (`%eth0`) names no other client. */
function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase().replace(/%.*$/, '');
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two), or null. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => 0);
  return [...left, ...zeros, ...right];
}

/** The IPv6 network of `address` with a prefix of `groups` x 16 bits (`2001:db8:1:2::/64`), or null for IPv4. */
function ipv6Prefix(address: string, groups: 3 | 4): string | null {
  const all = ipv6Groups(address);
  if (all === null) return null;
  const head = all.slice(0, groups).map((group) => group.toString(16));
  return `${head.join(':')}::/${groups * 16}`;
}

/**
 * The client a limit counts: an IPv4 address as it is, an IPv6 address by its /64 (one household, one host, one
 * subscriber: a single client holds 2^64 addresses, so counting each would let it walk past every limit).
 */
function limitKeyFor(address: string): string {
  return ipv6Prefix(address, 4) ?? address;
}

/** The IPv6 /48 an address is in (one customer's network: 65,536 /64s), or null for an IPv4 address. */
export function networkKeyFor(address: string): string | null {
  return ipv6Prefix(address, 3);
}

/** `CONNECT_TRUSTED_PROXIES`: addresses (`10.0.0.5`, `::1`) and CIDR ranges (`10.0.0.0/8`, `fd00::/8`). */
class TrustedProxies {
  private readonly list = new BlockList();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const range = parseRange(entry);
      if (range === null) throw new Error(`Not an address or a CIDR range: ${entry}`);
      const family = range.family === 4 ? 'ipv4' : 'ipv6';
      if (range.prefix === null) this.list.addAddress(range.address, family);
      else this.list.addSubnet(range.address, range.prefix, family);
    }
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** An address, or a CIDR range whose prefix fits its family; null for anything else. */
export function parseRange(entry: string): { address: string; family: 4 | 6; prefix: number | null } | null {
  const [rawAddress = '', prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined) return null;
  const address = normalizeAddress(rawAddress);
  const family = isIP(address);
  if (family !== 4 && family !== 6) return null;
  if (prefixText === undefined) return { address, family, prefix: null };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= (family === 4 ? 32 : 128) ? { address, family, prefix } : null;
}

function clientAddress(
  socketAddress: string | null,
  forwardedFor: string | null,
  trustedProxies: { has(address: string): boolean },
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

/** The socket's address, as Node's adapter gives it; none for a request handed to `app.fetch` without a socket. */
function socketAddressOf(c: Context): string | null {
  if (!c.env) return null;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** Records every request's client address, for {@link addressOf}; add it first. */
export function recordClientAddress(trustedProxies: readonly string[]): MiddlewareHandler {
  const trusted = new TrustedProxies(trustedProxies);
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

/** The client every per-address limit counts this request against: {@link limitKeyFor} its address. */
export function clientKeyOf(request: Request): string {
  return limitKeyFor(addressOf(request));
}

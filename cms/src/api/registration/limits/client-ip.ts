import crypto from 'node:crypto';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The reader's IP address, for rate limits.
 *
 * The site's server registers on behalf of readers: it sends the reader's address in
 * `X-Forwarded-For` (set, not appended, to that one address) together with
 * `X-Site-Forwarding-Secret: $SITE_FORWARDING_SECRET`. Only with that secret is the header
 * believed; otherwise the address is the peer's as Koa computes it (config/server.ts): the
 * socket's, or, behind TRUSTED_PROXY_HOPS reverse proxies, the right-most address none of them
 * vouches for — never one a client could write itself.
 */
export const FORWARDING_SECRET_HEADER = 'x-site-forwarding-secret';

/** What the client's address is read from: a Koa request context (see src/koa.ts). */
export interface ClientContext {
  get(field: string): string;
  request: { ip: string };
  req: { socket?: { remoteAddress?: string } };
}
export const MIN_FORWARDING_SECRET_LENGTH = 16;

function sameSecret(provided: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(provided).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function clientIp(ctx: ClientContext, forwardingSecret: string): string {
  const provided = String(ctx.get(FORWARDING_SECRET_HEADER) ?? '');
  if (forwardingSecret.length >= MIN_FORWARDING_SECRET_LENGTH && provided && sameSecret(provided, forwardingSecret)) {
    const forwarded = String(ctx.get('x-forwarded-for') ?? '')
      .split(',')[0]!
      .trim();
    if (net.isIP(forwarded)) return forwarded;
  }
  return ctx.request.ip || ctx.req.socket?.remoteAddress || 'unknown';
}

/**
 * What a rate limit counts for an address: an IPv4 address, or the /64 network of an IPv6 one
 * (a single subscriber usually holds a whole /64, and could otherwise rotate through 2^64
 * addresses). IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
export function addressGroup(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** The rate-limit subject of the request's client (see clientIp and addressGroup). */
export function clientAddressGroup(ctx: ClientContext, forwardingSecret: string): string {
  return addressGroup(clientIp(ctx, forwardingSecret));
}

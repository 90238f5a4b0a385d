import crypto from 'node:crypto';
import net from 'node:net';

/**
 * The reader's IP address, for rate limits.
 *
 * The site's server registers on behalf of readers: it sends the reader's address in
 * `X-Forwarded-For` (set, not appended, to that one address) together with
 * `X-Site-Forwarding-Secret: $SITE_FORWARDING_SECRET`. Only with that secret is the header
 * believed; otherwise the address is the peer's: the socket's, or, behind the deployment's
 * reverse proxy (IS_PROXIED), the last hop that proxy appended — never an address a client
 * could write itself.
 */
export const FORWARDING_SECRET_HEADER = 'x-site-forwarding-secret';
export const MIN_FORWARDING_SECRET_LENGTH = 16;

function sameSecret(provided: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(provided).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function clientIp(ctx: any, forwardingSecret: string): string {
  const provided = String(ctx.get?.(FORWARDING_SECRET_HEADER) ?? '');
  if (forwardingSecret.length >= MIN_FORWARDING_SECRET_LENGTH && provided && sameSecret(provided, forwardingSecret)) {
    const forwarded = String(ctx.get('x-forwarded-for') ?? '').split(',')[0].trim();
    if (net.isIP(forwarded)) return forwarded;
  }
  if (ctx.app?.proxy) {
    const hops: string[] = ctx.request?.ips ?? [];
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return ctx.req?.socket?.remoteAddress ?? ctx.request?.ip ?? 'unknown';
}

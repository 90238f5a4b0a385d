import { describe, expect, it } from 'vitest';
import { addressGroup, clientIp, type ClientContext } from '../../src/api/registration/limits/client-ip';

const SECRET = 'site-forwarding-secret-0123456789';
/** A request as Koa shows it: headers, the address Koa computed, the socket's. */
const request = (headers: Record<string, string>, ip = '10.0.0.5'): ClientContext => ({
  get: (field) => headers[field.toLowerCase()] ?? '',
  request: { ip },
  req: { socket: { remoteAddress: ip } },
});

describe('the client IP a rate limit counts', () => {
  it("believes the site's X-Forwarded-For only with the shared secret", () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-site-forwarding-secret': SECRET };
    expect(clientIp(request(forwarded), SECRET)).toBe('203.0.113.7');
    expect(clientIp(request({ ...forwarded, 'x-site-forwarding-secret': 'wrong-secret-wrong-secret-0' }), SECRET)).toBe(
      '10.0.0.5',
    );
    expect(clientIp(request({ 'x-forwarded-for': '203.0.113.7' }), SECRET)).toBe('10.0.0.5');
    // Without a configured secret, or one too short to be one, nothing a client sends is believed.
    expect(clientIp(request(forwarded), '')).toBe('10.0.0.5');
    expect(clientIp(request({ ...forwarded, 'x-site-forwarding-secret': 'short' }), 'short')).toBe('10.0.0.5');
    // What the site forwards is one address, nothing else.
    expect(clientIp(request({ ...forwarded, 'x-forwarded-for': 'not-an-ip' }), SECRET)).toBe('10.0.0.5');
  });

  it('counts IPv6 clients by their /64 network and IPv4-mapped addresses as IPv4', () => {
    expect(addressGroup('2001:db8:aa:1::1')).toBe(addressGroup('2001:0db8:00aa:0001:1234:5678:9abc:def0'));
    expect(addressGroup('2001:db8:aa:1::1')).toBe('2001:db8:aa:1::/64');
    expect(addressGroup('2001:db8:aa:2::1')).not.toBe(addressGroup('2001:db8:aa:1::1'));
    expect(addressGroup('::ffff:192.0.2.77')).toBe('192.0.2.77');
    expect(addressGroup('::ffff:c000:024d')).toBe('192.0.2.77');
    expect(addressGroup('192.0.2.77')).toBe('192.0.2.77');
  });
});

import { describe, expect, it } from 'vitest';
import { clientAddress } from '#shared/client-address';

// Whose registration attempts the CMS counts: what the site's server forwards as the reader's IP.
describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the client wrote', () => {
    expect(clientAddress('198.51.100.1', '203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientAddress(undefined, '203.0.113.9', 0)).toBe('203.0.113.9');
  });
  it('is the right-most address the trusted proxies did not vouch for, never the left-most', () => {
    // One proxy appended the client's address (203.0.113.9) to what the client wrote.
    expect(clientAddress('198.51.100.1, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    // A CDN, then the proxy: two hops.
    expect(clientAddress('1.1.1.1,2.2.2.2, 203.0.113.9 ,172.16.0.5', '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1, 2001:db8::2', '10.0.0.2', 1)).toBe('2001:db8::2');
  });
  it('falls back to the socket peer when the header is shorter than the proxy chain', () => {
    expect(clientAddress('', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 2)).toBe('10.0.0.2');
  });
});

import { describe, expect, it } from 'vitest';
import {
  hashSelfServiceToken,
  looksLikeSelfServiceToken,
  newSelfServiceToken,
  signFormToken,
  verifyFormToken,
} from '../../src/api/registration/tokens';

const KEYS = ['local-key-aaaaaaaaaaaaaaaa', 'local-key-bbbbbbbbbbbbbbbb'];

describe('the form token', () => {
  it('gives back the time it was issued, for its own session only, and only as signed', () => {
    const issuedAt = Date.parse('2026-05-01T10:00:00Z');
    const token = signFormToken(KEYS, 'session-a', issuedAt);
    expect(verifyFormToken(KEYS, token, 'session-a')).toBe(issuedAt);
    expect(verifyFormToken(KEYS, token, 'session-b')).toBeNull();
    expect(verifyFormToken(['other-key-cccccccccccccccc'], token, 'session-a')).toBeNull();
    // A made-up time with the old signature, a truncated token, anything but a string.
    const [session, , nonce, mac] = token.split('.');
    expect(verifyFormToken(KEYS, [session, issuedAt - 60_000, nonce, mac].join('.'), 'session-a')).toBeNull();
    expect(verifyFormToken(KEYS, token.slice(0, -1), 'session-a')).toBeNull();
    expect(verifyFormToken(KEYS, 42, 'session-a')).toBeNull();
  });

  it('cannot be signed without APP_KEYS', () => {
    expect(() => signFormToken([], 'session-a')).toThrow(/APP_KEYS is empty/);
  });
});

describe('the self-service token', () => {
  it('is 256 random bits, stored as its SHA-256 only', () => {
    const { token, hash } = newSelfServiceToken();
    expect(looksLikeSelfServiceToken(token)).toBe(true);
    expect(hash).toBe(hashSelfServiceToken(token));
    expect(hash).not.toContain(token);
    expect(newSelfServiceToken().token).not.toBe(token);
    expect(looksLikeSelfServiceToken('C'.repeat(42))).toBe(false);
    expect(looksLikeSelfServiceToken(`${'C'.repeat(42)}/`)).toBe(false);
  });
});

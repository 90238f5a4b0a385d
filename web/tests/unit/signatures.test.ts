import { describe, expect, it } from 'vitest';
import { previewQuery, signPurge, verifyPreview, verifyPurge } from '../../server/utils/signatures';

const SECRET = 'shared-secret-0123456789';

describe('preview links', () => {
  const now = Date.UTC(2026, 0, 1);
  const request = {
    type: 'module',
    documentId: 'abc123',
    locale: 'fr',
    status: 'draft' as const,
    expires: now / 1000 + 300,
  };

  it('are accepted as the CMS signed them, until they expire', () => {
    expect(verifyPreview(SECRET, previewQuery(SECRET, request), now)).toEqual(request);
    expect(verifyPreview(SECRET, previewQuery(SECRET, request), now + 301_000)).toBeNull();
  });

  it('are refused changed in any field, signed with another secret, or without a secret', () => {
    const query = previewQuery(SECRET, request);
    for (const [name, value] of [
      ['documentId', 'abc124'],
      ['locale', 'en'],
      ['status', 'published'],
      ['type', 'interview'],
      ['expires', String(request.expires + 60)],
      ['sig', 'x'],
    ]) {
      expect(verifyPreview(SECRET, { ...query, [name]: value }, now), name).toBeNull();
    }
    expect(verifyPreview('another-secret-0123456789', query, now)).toBeNull();
    expect(verifyPreview('', query, now)).toBeNull();
    // A link made to live for days was not made by the CMS, even if the secret leaked once.
    const forever = { ...request, expires: now / 1000 + 86_400 * 30 };
    expect(verifyPreview(SECRET, previewQuery(SECRET, forever), now)).toBeNull();
  });
});

describe('purge requests', () => {
  it('are accepted signed and recent, refused changed, old, from the future or unsigned', () => {
    const body = JSON.stringify({ tags: ['entry:module:m1'], at: 1, nonce: 'n' });
    const now = Date.now();
    expect(verifyPurge(SECRET, body, signPurge(SECRET, body, now), now)).toBe(now);
    expect(verifyPurge(SECRET, `${body} `, signPurge(SECRET, body, now), now)).toBeNull();
    expect(verifyPurge(SECRET, body, signPurge(SECRET, body, now - 6 * 60_000), now)).toBeNull();
    expect(verifyPurge(SECRET, body, signPurge(SECRET, body, now + 6 * 60_000), now)).toBeNull();
    expect(verifyPurge(SECRET, body, undefined, now)).toBeNull();
    expect(verifyPurge(SECRET, body, signPurge('other-secret-0123456789', body, now), now)).toBeNull();
  });
});

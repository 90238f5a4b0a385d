import crypto from 'node:crypto';

/**
 * The self-service token: 256 random bits, sent only in mails; the database keeps its SHA-256.
 * Looking a registration up by the hash needs no constant-time comparison (an attacker learns
 * nothing from the timing of an index lookup on a hash they cannot invert).
 */
export function newSelfServiceToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashSelfServiceToken(token) };
}

export function hashSelfServiceToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token is 43 base64url characters; anything else cannot be one (no lookup needed). */
export function looksLikeSelfServiceToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The form token: proof that the CMS rendered the form for this session at a given time, so
 * that the minimum fill time cannot be bypassed by sending a made-up timestamp. It is
 * `<session>.<issued at, ms>.<nonce>.<HMAC-SHA256>`, signed with a key derived from APP_KEYS
 * (shared by every replica, never sent anywhere).
 */
function formKey(appKeys: string[]): Buffer {
  const secret = appKeys.filter(Boolean).join(',');
  if (!secret) throw new Error('APP_KEYS is empty: cannot sign registration form tokens');
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'social-tech-academy', 'registration-form-token', 32));
}

const mac = (key: Buffer, payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');

export function signFormToken(appKeys: string[], session: string, issuedAt = Date.now()): string {
  const payload = `${session}.${issuedAt}.${crypto.randomBytes(9).toString('base64url')}`;
  return `${payload}.${mac(formKey(appKeys), payload)}`;
}

/** The time the token was issued, or null when it is malformed, forged or for another session. */
export function verifyFormToken(appKeys: string[], token: unknown, session: string): number | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [tokenSession, issuedAt, , signature] = parts;
  const expected = mac(formKey(appKeys), parts.slice(0, 3).join('.'));
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
  if (tokenSession !== session || !/^\d{13}$/.test(issuedAt)) return null;
  return Number(issuedAt);
}

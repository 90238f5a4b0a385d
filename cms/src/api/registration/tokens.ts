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
 * The form token: proof that the CMS rendered the form for this session (or this form: the Atlas's
 * `organisation-submission`) at a given time, so that the minimum fill time cannot be bypassed by
 * sending a made-up timestamp. It is `<subject>.<issued at, ms>.<nonce>.<HMAC-SHA256>`, signed with
 * a key derived from APP_KEYS (shared by every replica, never sent anywhere).
 */
function derivedKey(appKeys: string[], purpose: string): Buffer {
  const secret = appKeys.filter(Boolean).join(',');
  if (!secret) throw new Error(`APP_KEYS is empty: cannot derive the ${purpose} key`);
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'social-tech-academy', purpose, 32));
}

const formKey = (appKeys: string[]) => derivedKey(appKeys, 'registration-form-token');

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

/**
 * Text the mail outbox keeps until its mail is sent (a self-service token, a submitter's address):
 * sealed with AES-256-GCM under a key derived from APP_KEYS for `purpose`, `<iv>.<ciphertext>.<tag>`
 * in base64url. The database never holds it in clear (a dump or a backup shows none); the outbox
 * worker opens it to write the mail, and a retried mail says the same.
 */
export function sealText(appKeys: string[], purpose: string, text: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derivedKey(appKeys, purpose), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The text, or null when the seal does not open (APP_KEYS changed since, or it was tampered with). */
export function openSealedText(appKeys: string[], purpose: string, sealed: unknown): string | null {
  if (typeof sealed !== 'string') return null;
  const parts = sealed.split('.');
  if (parts.length !== 3) return null;
  try {
    const [iv, data, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
    const decipher = crypto.createDecipheriv('aes-256-gcm', derivedKey(appKeys, purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const MAIL_LINK_PURPOSE = 'registration-mail-link';

/** A self-service token as the mail outbox keeps it until its mail is sent (see sealText). */
export function sealSelfServiceToken(appKeys: string[], token: string): string {
  return sealText(appKeys, MAIL_LINK_PURPOSE, token);
}

/** The token, or null when the seal does not open or holds no token. */
export function openSealedSelfServiceToken(appKeys: string[], sealed: unknown): string | null {
  const token = openSealedText(appKeys, MAIL_LINK_PURPOSE, sealed);
  return looksLikeSelfServiceToken(token) ? token : null;
}

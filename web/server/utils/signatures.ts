import { createHmac, timingSafeEqual } from 'node:crypto';

// The two signed messages the CMS sends the site (cms/src/publishing/): preview links and cache
// purges. Both HMAC-SHA256 with a secret the two sides share; compared in constant time.

const equal = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export interface PreviewRequest {
  type: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Unix seconds. */
  expires: number;
}

/** The types the preview can show (the CMS's PREVIEWABLE). */
export const PREVIEW_TYPES = [
  'module',
  'jobSheet',
  'interview',
  'organisation',
  'trainingSession',
  'webinar',
  'competence',
  'home',
  'site',
  'jobOffer',
] as const;
/** Links live a few minutes: one that claims to live longer than this was not made by the CMS. */
const MAX_PREVIEW_LIFE_S = 3600;

export function signPreview(secret: string, request: PreviewRequest): string {
  const payload = [request.type, request.documentId, request.locale, request.status, String(request.expires)].join(
    '\n',
  );
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * The preview a link's query asks for, if it is signed with `secret` and not expired; else null
 * (changed, expired, unsigned, or no secret configured).
 */
export function verifyPreview(
  secret: string,
  query: Record<string, unknown>,
  nowMs = Date.now(),
): PreviewRequest | null {
  if (!secret) return null;
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  const status = text('status');
  const expires = Number(text('expires'));
  const request = {
    type: text('type'),
    documentId: text('documentId'),
    locale: text('locale'),
    status,
    expires,
  } as PreviewRequest;
  if (!(PREVIEW_TYPES as readonly string[]).includes(request.type) || !/^[a-z0-9]{1,64}$/.test(request.documentId))
    return null;
  if (status !== 'draft' && status !== 'published') return null;
  if (!Number.isSafeInteger(expires) || expires * 1000 < nowMs || expires * 1000 > nowMs + MAX_PREVIEW_LIFE_S * 1000)
    return null;
  return equal(signPreview(secret, request), text('sig')) ? request : null;
}

/** The query of a preview link (what the CMS's handler builds). */
export function previewQuery(secret: string, request: PreviewRequest): Record<string, string> {
  return {
    type: request.type,
    documentId: request.documentId,
    locale: request.locale,
    status: request.status,
    expires: String(request.expires),
    sig: signPreview(secret, request),
  };
}

export const PURGE_SIGNATURE_HEADER = 'x-purge-signature';
/** A purge request older (or further in the future) than this is refused. */
export const PURGE_MAX_AGE_MS = 5 * 60_000;

export function signPurge(secret: string, body: string, atMs = Date.now()): string {
  return `t=${atMs},v1=${createHmac('sha256', secret).update(`${atMs}.${body}`).digest('hex')}`;
}

/** Whether `header` signs `body` with `secret`, recently: the time it claims, else null. */
export function verifyPurge(
  secret: string,
  body: string,
  header: string | undefined,
  nowMs = Date.now(),
): number | null {
  if (!secret || !header) return null;
  const match = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return null;
  const at = Number(match[1]);
  if (Math.abs(nowMs - at) > PURGE_MAX_AGE_MS) return null;
  const expected = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  return equal(expected, match[2]!) ? at : null;
}

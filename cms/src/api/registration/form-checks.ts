import type { Core } from '@strapi/strapi';
import type { LocaleCode } from '../../i18n/locales';
import { clientAddressGroup, type ClientContext } from './limits/client-ip';
import { consumeAttempt, type LimitKind } from './limits/rate-limit';
import { fieldError, refusal, type FieldError } from './errors';
import { verifyFormToken } from './tokens';

/**
 * The checks every public form of the CMS goes through (registering for a session, proposing an
 * organisation for the Atlas): the rate limit per client IP, the honeypot, the signed form token
 * with its minimum fill time, the rate limit per email address, and the field checks (bounded
 * lengths, no control characters, a real email address). Each refuses with the contract's code
 * (errors.ts) before anything is written.
 */
interface FormTimes {
  minFillSeconds: number | string;
  formTokenMaxAgeSeconds: number | string;
}

export const rateLimited = (locale: LocaleCode, seconds: number, field: string | null) =>
  refusal(locale, 'RATE_LIMITED', {
    field,
    vars: { minutes: Math.ceil(seconds / 60) },
    extensions: { retryAfterSeconds: seconds },
  });

/** Counts the attempt against the client's address (see limits/client-ip.ts). */
export async function limitClient(strapi: Core.Strapi, ctx: ClientContext, kind: LimitKind, locale: LocaleCode) {
  const secret = String(strapi.config.get('registration.siteForwardingSecret') ?? '');
  const wait = await consumeAttempt(strapi, kind, clientAddressGroup(ctx, secret));
  if (wait) throw rateLimited(locale, wait, null);
}

/** Counts the attempt against the (normalised) email address. */
export async function limitEmail(
  strapi: Core.Strapi,
  kind: LimitKind,
  emailNormalized: string,
  locale: LocaleCode,
  field = 'email',
) {
  const wait = await consumeAttempt(strapi, kind, emailNormalized);
  if (wait) throw rateLimited(locale, wait, field);
}

/** Honeypot: a field people never see (the site hides it from sight and from assistive technology). */
export function checkHoneypot(locale: LocaleCode, value: unknown, field: string, messageKey?: string) {
  if (typeof value === 'string' && value.trim() !== '') throw refusal(locale, 'SPAM_SUSPECTED', { field, messageKey });
}

/** The form token signed for `subject`: not forged, not too old, not sent too soon after it was issued. */
export function checkFormToken(
  strapi: Core.Strapi,
  locale: LocaleCode,
  token: unknown,
  subject: string,
  times: FormTimes,
) {
  const issuedAt = verifyFormToken(strapi.config.get('server.app.keys') as string[], token, subject);
  const age = issuedAt === null ? null : Date.now() - issuedAt;
  if (age === null || age < 0 || age > Number(times.formTokenMaxAgeSeconds) * 1000)
    throw refusal(locale, 'FORM_EXPIRED', { field: 'formToken' });
  if (age < Number(times.minFillSeconds) * 1000) throw refusal(locale, 'TOO_FAST', { field: 'formToken' });
}

// The HTML standard's definition of a valid email address (what <input type="email"> accepts),
// with a dot required in the domain: mails go to the internet, not to a local host.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Collects every field's error, so that the site can show each message next to its field. */
export class FieldChecks {
  readonly errors: FieldError[] = [];
  constructor(readonly locale: LocaleCode) {}

  add(field: string, code: FieldError['code'], vars: Record<string, string | number> = {}) {
    this.errors.push(fieldError(this.locale, field, code, vars));
  }

  /**
   * Trimmed text of at most `max` characters without control characters; spaces folded to one
   * unless `multiline` (then line breaks stay). '' when empty (REQUIRED when `required`).
   */
  text(field: string, raw: unknown, max: number, { required = false, multiline = false } = {}): string {
    const value =
      typeof raw === 'string' ? (multiline ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim().replace(/\s+/g, ' ')) : '';
    if (!value) {
      if (required) this.add(field, 'REQUIRED');
    } else if (value.length > max) this.add(field, 'TOO_LONG', { max });
    else if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(multiline ? value : String(raw)))
      this.add(field, 'INVALID_VALUE');
    return value;
  }

  /** A required email address of at most `max` characters. */
  email(field: string, raw: unknown, max: number): string {
    const email = typeof raw === 'string' ? raw.trim() : '';
    if (!email) this.add(field, 'REQUIRED');
    else if (email.length > max) this.add(field, 'TOO_LONG', { max });
    else if (!EMAIL.test(email) || email.split('@')[0].length > 64) this.add(field, 'INVALID_EMAIL');
    return email;
  }
}

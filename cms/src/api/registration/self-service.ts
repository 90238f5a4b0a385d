import type { Core } from '@strapi/strapi';
import type { LocaleCode } from '../../i18n/locales';
import { clientAddressGroup, type ClientContext } from './limits/client-ip';
import { refusal } from './errors';
import { asRegistrationFlow } from './places/flow';
import { messageLocale } from './messages';
import { enqueueMail, forgetMails, kickOutbox } from './outbox/outbox';
import { fillFreePlaces, holdPlaces, releasePlace } from './places/places';
import { consumeAttempt } from './limits/rate-limit';
import { REGISTRATION } from './register';
import { loadSession, sessionTexts } from './sessions';
import {
  OUTBOX_TABLE,
  REGISTRATIONS_TABLE,
  type Db,
  type DbTime,
  type OutboxRow,
  type RegistrationRow,
  type Trx,
} from './tables';
import { hashSelfServiceToken, looksLikeSelfServiceToken } from './tokens';
import { waitlistPosition } from './places/waitlist';

/**
 * What the holder of a self-service link may do with their registration: see it, download their
 * data, cancel it, erase it. A wrong, guessed, reused-after-erasure or malformed token always
 * gets the same REGISTRATION_NOT_FOUND answer.
 */
export interface RegistrationDetails {
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  fullName: string;
  email: string;
  organisation: string | null;
  language: LocaleCode;
  registeredAt: string;
  waitlistPosition: number | null;
  session: {
    documentId: string;
    locale: string;
    title: string;
    slug: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    format: string;
    venue: string | null;
  };
}

const iso = (value: DbTime) =>
  new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString();

async function byToken(db: Db | Trx, token: unknown) {
  if (!looksLikeSelfServiceToken(token)) return null;
  return (
    (await db(REGISTRATIONS_TABLE)
      .where('token_hash', hashSelfServiceToken(token))
      .whereNull('anonymised_at')
      .first()) ?? null
  );
}

/** Every self-service call counts against the caller's IP, like registering does. */
async function guard(strapi: Core.Strapi, ctx: ClientContext, locale: LocaleCode) {
  const wait = await consumeAttempt(
    strapi,
    'self-service',
    clientAddressGroup(ctx, String(strapi.config.get('registration.siteForwardingSecret') ?? '')),
  );
  if (wait)
    throw refusal(locale, 'RATE_LIMITED', {
      vars: { minutes: Math.ceil(wait / 60) },
      extensions: { retryAfterSeconds: wait },
    });
}

const notFound = (locale: LocaleCode) => refusal(locale, 'REGISTRATION_NOT_FOUND', { field: 'token' });

async function describe(db: Db | Trx, row: RegistrationRow): Promise<RegistrationDetails> {
  const language = messageLocale(row.language);
  const session = await loadSession(db, row.session_document_id);
  const texts = session ? sessionTexts(session, language) : undefined;
  return {
    status: row.registration_status,
    fullName: row.full_name,
    email: row.email,
    organisation: row.organisation ?? null,
    language,
    registeredAt: iso(row.created_at),
    waitlistPosition: await waitlistPosition(db, row),
    session: {
      documentId: row.session_document_id,
      locale: texts?.locale ?? language,
      title: texts?.title ?? '',
      slug: texts?.slug ?? '',
      startsAt: session ? session.startsAt.toISOString() : '',
      endsAt: session ? session.endsAt.toISOString() : '',
      timezone: session?.timezone ?? '',
      format: session?.format ?? '',
      venue: texts?.venue ?? null,
    },
  };
}

export async function readRegistration(
  strapi: Core.Strapi,
  token: unknown,
  askedLocale: unknown,
  ctx: ClientContext,
): Promise<RegistrationDetails> {
  const locale = messageLocale(askedLocale);
  await guard(strapi, ctx, locale);
  const row = await byToken(strapi.db.connection, token);
  if (!row) throw notFound(locale);
  return describe(strapi.db.connection, row);
}

/** The registrant's personal data, all of it, for the site to serve as a JSON file. */
export async function exportRegistration(
  strapi: Core.Strapi,
  token: unknown,
  askedLocale: unknown,
  ctx: ClientContext,
) {
  const locale = messageLocale(askedLocale);
  await guard(strapi, ctx, locale);
  const db = strapi.db.connection;
  const row = await byToken(db, token);
  if (!row) throw notFound(locale);
  const details = await describe(db, row);
  const mails = await db(OUTBOX_TABLE)
    .select('kind', 'status', 'created_at', 'sent_at')
    .where('registration_id', row.id)
    .orderBy('id');
  return {
    exportedAt: new Date().toISOString(),
    controller: 'Social Tech Academy',
    registration: {
      fullName: row.full_name,
      email: row.email,
      organisation: row.organisation ?? null,
      status: row.registration_status,
      language: details.language,
      consentAt: iso(row.consent_at),
      privacyPolicyVersion: row.policy_version,
      registeredAt: details.registeredAt,
      updatedAt: iso(row.updated_at),
      waitlistPosition: details.waitlistPosition,
    },
    session: details.session,
    mails: mails.map((m: Pick<OutboxRow, 'kind' | 'status' | 'created_at' | 'sent_at'>) => ({
      kind: m.kind,
      status: m.status,
      queuedAt: new Date(Number(m.created_at)).toISOString(),
      sentAt: m.sent_at == null ? null : new Date(Number(m.sent_at)).toISOString(),
    })),
  };
}

/**
 * Takes the registration out of the session, holding the session's place row: a confirmed place
 * goes to the first person waiting (who gets the promotion mail) while the session has not started.
 * Returns the row as it was, or null when the token matches nothing.
 */
async function leave(trx: Trx, token: unknown) {
  const found = await byToken(trx, token);
  if (!found) return null;
  await holdPlaces(trx, found.session_document_id);
  const row = await byToken(trx, token); // as it is now that we hold the row
  if (!row || row.registration_status === 'cancelled') return row;
  await trx(REGISTRATIONS_TABLE)
    .where({ id: row.id, registration_status: row.registration_status })
    .update({ registration_status: 'cancelled', updated_at: new Date() });
  if (row.registration_status === 'confirmed') {
    await releasePlace(trx, row.session_document_id);
    const session = await loadSession(trx, row.session_document_id);
    if (session && session.startsAt.getTime() > Date.now()) await fillFreePlaces(trx, row.session_document_id);
  }
  return row;
}

/** Runs a change on the token's registration after taking it out of its session, in one transaction. */
async function leaveByToken<T>(
  strapi: Core.Strapi,
  token: unknown,
  askedLocale: unknown,
  ctx: ClientContext,
  then: (trx: Trx, before: RegistrationRow) => Promise<T>,
): Promise<T> {
  const locale = messageLocale(askedLocale);
  await guard(strapi, ctx, locale);
  const outcome = await asRegistrationFlow(() =>
    strapi.db.transaction(async ({ trx }) => {
      const before = await leave(trx, token);
      return before ? { value: await then(trx, before) } : null;
    }),
  );
  if (!outcome) throw notFound(locale);
  kickOutbox(strapi);
  return outcome.value;
}

/** Cancels (a confirmation of the cancellation is mailed); cancelling again changes nothing. */
export function cancelRegistration(
  strapi: Core.Strapi,
  token: unknown,
  askedLocale: unknown,
  ctx: ClientContext,
): Promise<RegistrationDetails> {
  return leaveByToken(strapi, token, askedLocale, ctx, async (trx, before) => {
    if (before.registration_status !== 'cancelled') await enqueueMail(trx, before.id, 'cancellation', token as string);
    return describe(trx, await trx(REGISTRATIONS_TABLE).where('id', before.id).first());
  });
}

/** Erasure: the registration is deleted, with the mails not sent yet; the link then finds nothing. */
export function eraseRegistration(
  strapi: Core.Strapi,
  token: unknown,
  askedLocale: unknown,
  ctx: ClientContext,
): Promise<boolean> {
  return leaveByToken(strapi, token, askedLocale, ctx, async (trx, before) => {
    await forgetMails(trx, [before.id]);
    await strapi.documents(REGISTRATION).delete({ documentId: before.document_id });
    return true;
  });
}

import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { messageLocale } from '../messages';
import { renderMail, type MailKind } from './mails';
import { loadSession } from '../sessions';
import { selfServiceUrl } from '../self-service-link';
import { OUTBOX_TABLE, REGISTRATIONS_TABLE, type Db, type OutboxRow, type RegistrationRow, type Trx } from '../tables';
import {
  newSelfServiceToken,
  openSealedSelfServiceToken,
  openSealedText,
  sealSelfServiceToken,
  sealText,
} from '../tokens';
import { waitlistPosition } from '../places/waitlist';

/**
 * Transactional outbox: a mail is a row written in the same transaction as the registration change
 * it announces, so a committed change always gets its mail and a rolled-back one never does.
 * Any replica drains it: each row is claimed with a conditional UPDATE (a lease), so two workers
 * never send the same row; a failed send is retried with exponential backoff. Delivery is
 * at-least-once: a worker that dies after the SMTP server accepted a mail but before it recorded
 * it lets the lease expire and the mail goes again.
 *
 * A mail's self-service token waits in its row sealed (tokens.ts), never in clear, and goes with
 * the row's payload once the mail is sent or given up; nothing logs it.
 *
 * Other mails than a registration's (the Atlas's submissions: api/organisation/submission/) use the
 * same table, claims and retries: their row has `registration_id` 0 and a payload that holds,
 * sealed, everything the mail needs (the recipient's address included), given to the sender
 * registered for its kind (`registerMailKind`).
 */
const LEASE_MS = 5 * 60_000;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
const BATCH = 25;
const SENDERS = 5;

/**
 * The keys sealing the tokens: the app's. Read from the global `strapi`, as Strapi's own services
 * do: mails are queued inside transactions of callers that are not handed the instance.
 */
const appKeys = () => strapi.config.get('server.app.keys') as string[];

const sealedPayload = (token: string, replacesLink?: boolean) =>
  JSON.stringify({
    sealedToken: sealSelfServiceToken(appKeys(), token),
    ...(replacesLink ? { replacesLink: true } : {}),
  });

export async function enqueueMail(
  trx: Trx,
  registrationId: number,
  kind: MailKind,
  token: string | null,
  options: { replacesLink?: boolean } = {},
) {
  const now = Date.now();
  await trx(OUTBOX_TABLE).insert({
    registration_id: registrationId,
    kind,
    payload: token ? sealedPayload(token, options.replacesLink) : null,
    status: 'pending',
    attempts: 0,
    available_at: now,
    created_at: now,
  });
}

/** Sends a mail of another kind than a registration's, given its opened payload. */
export type MailSender = (strapi: Core.Strapi, payload: Record<string, unknown>) => Promise<'sent' | 'dropped'>;
const senders = new Map<string, MailSender>();
const OTHER_MAIL_PURPOSE = 'outbox-mail-payload';

export function registerMailKind(kind: string, send: MailSender) {
  senders.set(kind, send);
}

/** Queues a mail of a kind registered with `registerMailKind`; `data` waits sealed until it is sent. */
export async function enqueueOtherMail(trx: Trx, kind: string, data: Record<string, unknown>) {
  if (!senders.has(kind)) throw new Error(`No sender for mails of kind "${kind}"`);
  const now = Date.now();
  await trx(OUTBOX_TABLE).insert({
    registration_id: 0,
    kind,
    payload: JSON.stringify({ sealed: sealText(appKeys(), OTHER_MAIL_PURPOSE, JSON.stringify(data)) }),
    status: 'pending',
    attempts: 0,
    available_at: now,
    created_at: now,
  });
}

async function deliverOther(strapi: Core.Strapi, row: OutboxRow, send: MailSender) {
  const { sealed } = row.payload ? JSON.parse(row.payload) : {};
  const opened = openSealedText(appKeys(), OTHER_MAIL_PURPOSE, sealed);
  // A seal that no longer opens (APP_KEYS changed since it was queued): nobody to write to.
  if (!opened) return 'dropped';
  return send(strapi, JSON.parse(opened));
}

/**
 * Queues a mail that carries a new self-service link, for a change the registrant did not make
 * with their link (a promotion, an editor's cancellation): only hashes are stored, so the mail can
 * only link with a new token, which replaces the old one (the mail says so).
 */
export async function enqueueMailWithNewLink(trx: Trx, registrationId: number, kind: MailKind) {
  const { token, hash } = newSelfServiceToken();
  await trx(REGISTRATIONS_TABLE).where('id', registrationId).update({ token_hash: hash, updated_at: new Date() });
  await enqueueMail(trx, registrationId, kind, token, { replacesLink: true });
}

/**
 * At start: seals the tokens an earlier version queued in clear, and drops those of mails given up.
 */
export async function sealStoredTokens(strapi: Core.Strapi) {
  const db = strapi.db.connection;
  await db(OUTBOX_TABLE).where('status', 'failed').whereNotNull('payload').update({ payload: null });
  const rows: Array<{ id: number; payload: string }> = await db(OUTBOX_TABLE)
    .select('id', 'payload')
    .whereNotNull('payload')
    .whereNot('registration_id', 0);
  for (const row of rows) {
    const { token, replacesLink } = JSON.parse(row.payload);
    if (typeof token === 'string')
      await db(OUTBOX_TABLE)
        .where('id', row.id)
        .update({ payload: sealedPayload(token, replacesLink) });
  }
}

/** Mails of a registration that are not sent yet must not outlive its erasure or anonymisation. */
export async function forgetMails(trx: Trx, registrationIds: number[]) {
  if (registrationIds.length > 0) await trx(OUTBOX_TABLE).whereIn('registration_id', registrationIds).delete();
}

function retryDelayMs(strapi: Core.Strapi, attempts: number): number {
  const base = Number(strapi.config.get('registration.mailRetryBaseSeconds', 30)) * 1000;
  return Math.min(base * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function claim(db: Db, id: number, worker: string, now: number): Promise<boolean> {
  const claimed = await db(OUTBOX_TABLE)
    .where({ id, status: 'pending' })
    .andWhere('available_at', '<=', now)
    .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    .update({ claimed_by: worker, claimed_until: now + LEASE_MS, attempts: db.raw('attempts + 1') });
  return claimed === 1;
}

/**
 * The token a mail links with, opened from its seal. A seal that no longer opens (APP_KEYS changed
 * since it was queued) cannot give the registrant's token back: a new one replaces it, and the
 * mail says its link is new.
 */
async function mailToken(strapi: Core.Strapi, registrationId: number, payload: Record<string, unknown>) {
  if (typeof payload.sealedToken !== 'string') {
    // A row queued in clear by an earlier version (sealStoredTokens seals those at start).
    return { token: typeof payload.token === 'string' ? payload.token : null, replaces: payload.replacesLink === true };
  }
  const token = openSealedSelfServiceToken(appKeys(), payload.sealedToken);
  if (token) return { token, replaces: payload.replacesLink === true };
  const fresh = newSelfServiceToken();
  await strapi.db
    .connection(REGISTRATIONS_TABLE)
    .where('id', registrationId)
    .update({ token_hash: fresh.hash, updated_at: new Date() });
  return { token: fresh.token, replaces: true };
}

async function deliver(strapi: Core.Strapi, row: OutboxRow) {
  const other = senders.get(row.kind);
  if (other) return deliverOther(strapi, row, other);
  const db = strapi.db.connection;
  const registration: RegistrationRow | undefined = await db(REGISTRATIONS_TABLE)
    .where('id', row.registration_id)
    .first();
  if (!registration || registration.anonymised_at) return 'dropped';
  const session = await loadSession(db, registration.session_document_id);
  if (!session) return 'dropped';
  const locale = messageLocale(registration.language);
  const { token, replaces } = await mailToken(strapi, registration.id, row.payload ? JSON.parse(row.payload) : {});
  const mail = renderMail({
    kind: row.kind as MailKind,
    locale,
    fullName: registration.full_name,
    registrationDocumentId: registration.document_id,
    session,
    link: token ? selfServiceUrl(String(strapi.config.get('registration.siteUrl')), locale, token) : null,
    linkReplaces: replaces,
    waitlistPosition: row.kind === 'waitlist' ? await waitlistPosition(db, registration) : null,
  });
  await strapi
    .plugin('email')
    .service('email')
    .send({
      to: registration.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: [
        {
          filename: 'session.ics',
          content: mail.ics,
          contentType: `text/calendar; charset=utf-8; method=${mail.icsMethod}`,
        },
      ],
    });
  return 'sent';
}

/** Sends one batch of what is due; returns how many mails went out, failed (to be retried) and were due. */
async function drainBatch(strapi: Core.Strapi): Promise<{ sent: number; failed: number; due: number }> {
  const db = strapi.db.connection;
  const worker = crypto.randomUUID();
  const result = { sent: 0, failed: 0, due: 0 };
  const now = Date.now();
  const due: Array<{ id: number }> = await db(OUTBOX_TABLE)
    .select('id')
    .where('status', 'pending')
    .andWhere('available_at', '<=', now)
    .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    .orderBy('id')
    .limit(BATCH);
  result.due = due.length;
  const send = async ({ id }: { id: number }) => {
    if (!(await claim(db, id, worker, Date.now()))) return; // another worker has it
    const row: OutboxRow | undefined = await db(OUTBOX_TABLE).where({ id, claimed_by: worker }).first();
    if (!row) return;
    try {
      const outcome = await deliver(strapi, row);
      await db(OUTBOX_TABLE).where({ id, claimed_by: worker }).update({
        status: outcome,
        sent_at: Date.now(),
        payload: null,
        claimed_by: null,
        claimed_until: null,
        last_error: null,
      });
      if (outcome === 'sent') result.sent++;
    } catch (error) {
      result.failed++;
      const attempts = Number(row.attempts);
      const giveUp = attempts >= Number(strapi.config.get('registration.mailMaxAttempts', 12));
      await db(OUTBOX_TABLE)
        .where({ id, claimed_by: worker })
        .update({
          status: giveUp ? 'failed' : 'pending',
          // A mail given up will not go: its token goes now.
          ...(giveUp ? { payload: null } : {}),
          available_at: Date.now() + retryDelayMs(strapi, attempts),
          claimed_by: null,
          claimed_until: null,
          last_error: errorMessage(error).slice(0, 1000),
        });
      const message = `Registration mail ${id} (${row.kind}) not sent, attempt ${attempts}${giveUp ? ', giving up' : ', will retry'}: ${errorMessage(error)}`;
      if (giveUp) strapi.log.error(message);
      else strapi.log.warn(message);
    }
  };
  // A few at once (the SMTP transport pools as many connections), in order of queueing.
  const queue = [...due];
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await send(next);
    }),
  );
  return result;
}

/** Sends everything that is due, batch after batch. */
export async function drainOutbox(strapi: Core.Strapi): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (let batch = 0; batch < 40; batch++) {
    const { sent, failed, due } = await drainBatch(strapi);
    total.sent += sent;
    total.failed += failed;
    if (due < BATCH) break;
  }
  return total;
}

/**
 * Drains soon after a commit, without making the request wait for SMTP. Kicks that arrive while
 * this process drains fold into one more pass (a crowd of registrations must not start a crowd of
 * workers competing for the same rows); other replicas drain on their own, kept apart by the claims.
 */
const draining = new WeakMap<object, { again: boolean }>();

export function kickOutbox(strapi: Core.Strapi): Promise<void> {
  const running = draining.get(strapi);
  if (running) {
    running.again = true;
    return Promise.resolve();
  }
  const state = { again: false };
  draining.set(strapi, state);
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      do {
        state.again = false;
        await drainOutbox(strapi);
      } while (state.again);
    })
    .catch((error) => {
      strapi.log.error(`Registration outbox: ${errorMessage(error)}`);
    })
    .finally(() => draining.delete(strapi));
}

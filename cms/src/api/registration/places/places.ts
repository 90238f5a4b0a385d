import type { Core } from '@strapi/strapi';
import { enqueueMailWithNewLink } from '../outbox/outbox';
import { refreshSessionTitle } from '../admin/session-title';
import { loadSession } from '../sessions';
import { PLACES_TABLE, REGISTRATIONS_TABLE, type Db, type Trx } from '../tables';

/**
 * The place count of a session: one row per session documentId in registration_places.
 *
 * Every change to a session's confirmed registrations happens in a transaction that first holds
 * that row (a place is taken by `UPDATE … SET taken = taken + 1 WHERE … AND taken < capacity`,
 * and the row count says whether the registrant got one). On PostgreSQL the row lock serialises
 * them per session; SQLite runs one write transaction at a time. `SELECT … FOR UPDATE` is not
 * used: SQLite ignores it.
 */
const confirmedCount = (db: Db | Trx, session: string) =>
  db(REGISTRATIONS_TABLE).count({ n: '*' }).where({ session_document_id: session, registration_status: 'confirmed' });

/** Creates the session's row when missing, with its capacity and the places already taken. */
export async function ensurePlacesRow(trx: Trx, session: string, capacity?: number) {
  const exists = await trx(PLACES_TABLE).where('session_document_id', session).first('session_document_id');
  if (exists) return;
  const facts = capacity === undefined ? await loadSession(trx, session) : null;
  const [{ n }] = await confirmedCount(trx, session);
  await trx(PLACES_TABLE)
    .insert({
      session_document_id: session,
      capacity: capacity ?? facts?.capacity ?? 0,
      taken: Number(n),
      updated_at: Date.now(),
    })
    .onConflict('session_document_id')
    .ignore();
}

/** Takes the row lock (a no-op update), for the rest of the transaction. */
async function lockPlaces(trx: Trx, session: string) {
  await trx(PLACES_TABLE).where('session_document_id', session).update({ updated_at: Date.now() });
}

/**
 * Takes a place if one is left. A registrant who gets none is waitlisted while holding the row,
 * so that a cancellation running meanwhile sees them and gives them the place it frees.
 */
export async function takePlace(trx: Trx, session: string): Promise<boolean> {
  const take = () =>
    trx(PLACES_TABLE)
      .where('session_document_id', session)
      .andWhere('taken', '<', trx.ref('capacity'))
      .update({ taken: trx.raw('taken + 1'), updated_at: Date.now() });
  if ((await take()) === 1) return true;
  await lockPlaces(trx, session);
  return (await take()) === 1; // a place freed while we waited for the row
}

/**
 * Gives free places to the waitlist, first come first served: each promoted registrant gets a
 * promotion mail with a new self-service link. Returns how many were promoted.
 */
export async function fillFreePlaces(trx: Trx, session: string): Promise<number> {
  let promoted = 0;
  for (;;) {
    const next = await trx(REGISTRATIONS_TABLE)
      .first('id')
      .where({ session_document_id: session, registration_status: 'waitlisted' })
      .whereNull('anonymised_at')
      .orderBy('id');
    if (!next) return promoted;
    const took = await trx(PLACES_TABLE)
      .where('session_document_id', session)
      .andWhere('taken', '<', trx.ref('capacity'))
      .update({ taken: trx.raw('taken + 1'), updated_at: Date.now() });
    if (took === 0) return promoted;
    await trx(REGISTRATIONS_TABLE)
      .where({ id: next.id, registration_status: 'waitlisted' })
      .update({ registration_status: 'confirmed', updated_at: new Date() });
    await enqueueMailWithNewLink(trx, next.id, 'promotion');
    promoted++;
  }
}

/** Releases the place a confirmed registration held (its status already changed in this transaction). */
export async function releasePlace(trx: Trx, session: string) {
  await trx(PLACES_TABLE)
    .where('session_document_id', session)
    .andWhere('taken', '>', 0)
    .update({ taken: trx.raw('taken - 1'), updated_at: Date.now() });
}

export async function holdPlaces(trx: Trx, session: string) {
  await ensurePlacesRow(trx, session);
  await lockPlaces(trx, session);
}

/**
 * Brings a session's row in line with the published capacity and the confirmed registrations,
 * and its registrations' copy of its title, then gives any free place to the waitlist (while the
 * session has not started). Runs in the transaction of an editor's change to a session or a
 * registration (admin/lifecycle.ts), holding the row like every other writer.
 * Returns how many were promoted (their mails are queued).
 */
export async function reconcilePlaces(trx: Trx, session: string): Promise<number> {
  const facts = await loadSession(trx, session);
  if (!facts) {
    await trx(PLACES_TABLE).where('session_document_id', session).delete();
    return 0;
  }
  await holdPlaces(trx, session);
  const [{ n }] = await confirmedCount(trx, session);
  await trx(PLACES_TABLE)
    .where('session_document_id', session)
    .update({ capacity: facts.capacity, taken: Number(n), updated_at: Date.now() });
  await refreshSessionTitle(trx, facts);
  return facts.published && facts.startsAt.getTime() > Date.now() ? fillFreePlaces(trx, session) : 0;
}

/** Rows for sessions that predate the counter (or were written around it), on every start. */
export async function ensureAllPlaces(strapi: Core.Strapi) {
  const sessions: Array<{ document_id: string }> = await strapi.db
    .connection('training_sessions')
    .distinct('document_id');
  const known = new Set(
    (await strapi.db.connection(PLACES_TABLE).select('session_document_id')).map(
      (r: { session_document_id: string }) => r.session_document_id,
    ),
  );
  for (const { document_id } of sessions) {
    if (!known.has(document_id)) await strapi.db.transaction(({ trx }) => ensurePlacesRow(trx, document_id));
  }
}

/** Places left per session documentId (capacity − taken, never negative); absent when unknown. */
export async function placesLeftBySession(db: Db, sessions: readonly string[]): Promise<Map<string, number>> {
  const rows: Array<{ session_document_id: string; capacity: number; taken: number }> = await db(PLACES_TABLE)
    .select('session_document_id', 'capacity', 'taken')
    .whereIn('session_document_id', [...sessions]);
  return new Map(rows.map((row) => [row.session_document_id, Math.max(0, Number(row.capacity) - Number(row.taken))]));
}

import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { loadSession, sessionTexts, type SessionFacts } from '../sessions';
import { REGISTRATIONS_TABLE, type Query, type Trx } from '../tables';

/**
 * The session's title on each of its registrations (`sessionTitle`), so that the content manager's
 * list shows which session a registration is for and editors can filter by it. A copy, not a
 * relation: a relation from this type (no draft & publish, not localized) to a session points to
 * rows of one locale and status that Strapi replaces on publish and deletes on unpublish, while
 * sessionDocumentId is the key of everything else. One language for every registration (the
 * default one, like the session's shared fields), kept in line whenever the session changes.
 */
export const registrationSessionTitle = (session: SessionFacts): string =>
  sessionTexts(session, DEFAULT_LOCALE)?.title ?? '';

/** Brings the copies in line with the session (its published version, else its draft). */
export async function refreshSessionTitle(trx: Trx, session: SessionFacts) {
  const title = registrationSessionTitle(session);
  await trx(REGISTRATIONS_TABLE)
    .where('session_document_id', session.documentId)
    .andWhere((q: Query) => q.whereNull('session_title').orWhereNot('session_title', title))
    .update({ session_title: title });
}

/** Registrations written before the copy existed, on every start (nothing to do once filled). */
export async function fillMissingSessionTitles(strapi: Core.Strapi) {
  const rows: Array<{ session_document_id: string }> = await strapi.db
    .connection(REGISTRATIONS_TABLE)
    .distinct('session_document_id')
    .whereNull('session_title');
  for (const { session_document_id } of rows) {
    await strapi.db.transaction(async ({ trx }) => {
      const session = await loadSession(trx, session_document_id);
      if (session) await refreshSessionTitle(trx, session);
    });
  }
}

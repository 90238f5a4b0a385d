import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inRegistrationFlow } from '../places/flow';
import { editorLocale, t } from '../messages';
import { enqueueMailWithNewLink, forgetMails, kickOutbox } from '../outbox/outbox';
import { holdPlaces, reconcilePlaces } from '../places/places';
import { isUniqueViolation, normaliseEmail, REGISTRATION } from '../register';
import { REGISTRATIONS_TABLE } from '../tables';

const SESSION = 'api::training-session.training-session';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * The few fields this middleware reads of the Document Service's params and results, which Strapi
 * types per action (a delete has no data, a publish returns its entries).
 */
interface WriteParams {
  documentId?: string;
  data?: { email?: unknown; emailNormalized?: string };
}
interface Written {
  documentId?: string;
  sessionDocumentId?: string;
  registrationStatus?: string;
  entries?: Written[];
}

/**
 * Keeps registrations right when someone other than the registration flow writes: an editor
 * changes a session (its capacity counts once published; its title is copied onto its
 * registrations) or creates, edits, cancels or deletes a registration in the admin, or the seed
 * adds sample registrations. The write, the place count, the promotions and their mails are one
 * transaction, which holds the sessions' place rows first, as registering and cancelling do.
 *
 * For registrations: the normalised email follows the email, and an email that another live
 * registration of the session has is refused with a readable error (the unique index decides);
 * a registration an editor cancels gets the cancellation mail, as when its registrant cancels;
 * a deleted one gets nothing more (its unsent mails go too).
 */
export function placeCountMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (
      !WRITES.has(context.action) ||
      (context.uid !== SESSION && context.uid !== REGISTRATION) ||
      inRegistrationFlow()
    ) {
      return next();
    }
    let mails = 0;
    const outcome = await strapi.db.transaction(async ({ trx }) => {
      const params = (context.params ?? {}) as WriteParams;
      const documentId = params.documentId;
      // A registration is one row (no locales, no drafts).
      const [before]: Array<{ id: number; session_document_id: string; registration_status: string }> =
        context.uid === REGISTRATION && documentId
          ? await trx(REGISTRATIONS_TABLE)
              .select('id', 'session_document_id', 'registration_status')
              .where('document_id', documentId)
          : [];
      const sessions = new Set<string>();
      if (before) sessions.add(before.session_document_id);
      if (context.uid === SESSION && documentId) sessions.add(documentId);
      for (const session of sessions) await holdPlaces(trx, session);

      const { data } = params;
      if (context.uid === REGISTRATION && data && typeof data.email === 'string')
        data.emailNormalized = normaliseEmail(data.email);
      const result = await next().catch((error: unknown) => {
        throw context.uid === REGISTRATION && isUniqueViolation(error) ? emailTaken(strapi) : error;
      });
      const written = (result && typeof result === 'object' ? result : null) as Written | null;

      if (context.uid === SESSION && written?.documentId) sessions.add(written.documentId);
      if (context.uid === REGISTRATION) {
        for (const entry of [written, ...(written?.entries ?? [])])
          if (entry?.sessionDocumentId) sessions.add(entry.sessionDocumentId);
        if (before && context.action === 'delete') await forgetMails(trx, [before.id]);
        if (before && before.registration_status !== 'cancelled' && written?.registrationStatus === 'cancelled') {
          await enqueueMailWithNewLink(trx, before.id, 'cancellation');
          mails++;
        }
      }
      for (const session of sessions) mails += await reconcilePlaces(trx, session);
      return result;
    });
    if (mails > 0) kickOutbox(strapi);
    return outcome;
  };
}

/** In the editor's admin language (else their browser's), next to the email field of the edit view. */
function emailTaken(strapi: Core.Strapi) {
  const message = t(editorLocale(strapi), 'editor.emailTaken');
  return new errors.ValidationError(message, { errors: [{ path: ['email'], message, name: 'ValidationError' }] });
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inRegistrationFlow } from '../places/flow';
import { LOCALE_CODES } from '../../../i18n/locales';
import { messageLocale, t } from '../messages';
import { enqueueMailWithNewLink, forgetMails, kickOutbox } from '../outbox/outbox';
import { holdPlaces, reconcilePlaces } from '../places/places';
import { isUniqueViolation, normaliseEmail, REGISTRATION } from '../register';
import { REGISTRATIONS_TABLE } from '../tables';

const SESSION = 'api::training-session.training-session';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

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
export function placeCountMiddleware(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<any>) => {
    if (!WRITES.has(context.action) || (context.uid !== SESSION && context.uid !== REGISTRATION) || inRegistrationFlow()) {
      return next();
    }
    let mails = 0;
    const result = await strapi.db.transaction(async ({ trx }) => {
      const documentId = context.params?.documentId;
      // A registration is one row (no locales, no drafts).
      const [before]: Array<{ id: number; session_document_id: string; registration_status: string }> =
        context.uid === REGISTRATION && documentId
          ? await trx(REGISTRATIONS_TABLE).select('id', 'session_document_id', 'registration_status').where('document_id', documentId)
          : [];
      const sessions = new Set<string>();
      if (before) sessions.add(before.session_document_id);
      if (context.uid === SESSION && documentId) sessions.add(documentId);
      for (const session of sessions) await holdPlaces(trx, session);

      const data = context.params?.data;
      if (context.uid === REGISTRATION && typeof data?.email === 'string') data.emailNormalized = normaliseEmail(data.email);
      const written = await next().catch((error) => {
        throw context.uid === REGISTRATION && isUniqueViolation(error) ? emailTaken(strapi) : error;
      });

      if (context.uid === SESSION && written?.documentId) sessions.add(written.documentId);
      if (context.uid === REGISTRATION) {
        for (const entry of [written, ...(written?.entries ?? [])]) if (entry?.sessionDocumentId) sessions.add(entry.sessionDocumentId);
        if (before && context.action === 'delete') await forgetMails(trx, [before.id]);
        if (before && before.registration_status !== 'cancelled' && written?.registrationStatus === 'cancelled') {
          await enqueueMailWithNewLink(trx, before.id, 'cancellation');
          mails++;
        }
      }
      for (const session of sessions) mails += await reconcilePlaces(trx, session);
      return written;
    });
    if (mails > 0) kickOutbox(strapi);
    return result;
  };
}

/** In the editor's admin language (else their browser's), next to the email field of the edit view. */
function emailTaken(strapi: Core.Strapi) {
  const ctx: any = strapi.requestContext.get();
  const locale = messageLocale(ctx?.state?.user?.preferedLanguage ?? ctx?.acceptsLanguages?.(LOCALE_CODES));
  const message = t(locale, 'editor.emailTaken');
  return new errors.ValidationError(message, { errors: [{ path: ['email'], message, name: 'ValidationError' }] });
}

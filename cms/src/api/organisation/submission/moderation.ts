import type { Core, Modules } from '@strapi/strapi';
import { enqueueOtherMail, kickOutbox } from '../../registration/outbox/outbox';
import { messageLocale } from '../../registration/messages';
import { SITE_PATHS } from '../../../open-data/datasets';
import { ORGANISATION, ORGANISATIONS_TABLE, SUBMISSIONS_TABLE, type SubmissionRow } from './table';
import type { SubmissionMailData } from './mails';

/**
 * Moderation of a proposed organisation, by the editors' ordinary actions in the content manager:
 * - **publishing** it (any locale) accepts it: the submitter gets the "published" mail with its page;
 * - **deleting** the draft (all its locales) declines it: the submitter gets the "declined" mail.
 * Either way the contact row is deleted in the same transaction as the action and the mail's
 * queueing (the mail carries, sealed, what it needs): nothing of the submitter remains once the
 * submission is decided. Declining is deleting because a declined proposal has nothing worth keeping
 * (no state to add to the content type, nothing left for the public or partners to filter out).
 */
export function moderationMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== ORGANISATION || (context.action !== 'publish' && context.action !== 'delete')) return next();
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    if (!documentId) return next();
    let mailed = false;
    // In the caller's transaction when there is one (Strapi's transaction joins it): a query on
    // another connection would wait for the one the caller holds (SQLite has one).
    const result = await strapi.db.transaction(async ({ trx }) => {
      // Most organisations were never proposed through the form: nothing to do for them.
      const pending = await trx(SUBMISSIONS_TABLE).first('id').where('organisation_document_id', documentId);
      if (!pending) return next();
      const before: { name?: string } | undefined = await trx(ORGANISATIONS_TABLE)
        .first('name')
        .where('document_id', documentId)
        .orderBy('id');
      const outcome = await next();
      const contact: SubmissionRow | undefined = await trx(SUBMISSIONS_TABLE)
        .where('organisation_document_id', documentId)
        .first();
      if (!contact) return outcome;
      const rows: Array<{ locale: string; name: string; slug: string; published_at: unknown }> = await trx(
        ORGANISATIONS_TABLE,
      )
        .select('locale', 'name', 'slug', 'published_at')
        .where('document_id', documentId);
      const locale = messageLocale(contact.locale);
      const data: SubmissionMailData = { to: contact.email, locale, fullName: contact.full_name, organisationName: '' };
      if (context.action === 'publish') {
        const published = rows.filter((row) => row.published_at);
        if (!published.length) return outcome;
        const row = published.find((r) => r.locale === locale) ?? published[0]!;
        const pageLocale = messageLocale(row.locale);
        const site = String(strapi.config.get('registration.siteUrl')).replace(/\/+$/, '');
        data.organisationName = row.name;
        data.link = `${site}/${pageLocale}/${SITE_PATHS.organisations[pageLocale]}/${encodeURIComponent(row.slug)}`;
        await enqueueOtherMail(trx, 'submission-published', { ...data });
      } else {
        // One locale deleted of several: still pending.
        if (rows.length) return outcome;
        data.organisationName = before?.name ?? '';
        await enqueueOtherMail(trx, 'submission-declined', { ...data });
      }
      await trx(SUBMISSIONS_TABLE).where('id', contact.id).delete();
      mailed = true;
      return outcome;
    });
    if (mailed) kickOutbox(strapi);
    return result;
  };
}

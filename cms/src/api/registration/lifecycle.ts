import type { Core } from '@strapi/strapi';
import { inRegistrationFlow } from './flow';
import { reconcilePlaces } from './places';
import { REGISTRATION } from './register';

const SESSION = 'api::training-session.training-session';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Keeps a session's place row right when someone other than the registration flow writes:
 * an editor changes a session's capacity (the published one counts) or edits, cancels or deletes
 * a registration in the admin, or the seed adds sample registrations. Runs inside the same
 * transaction as the write.
 */
export function placeCountMiddleware(strapi: Core.Strapi) {
  return async (context: any, next: () => Promise<any>) => {
    if (!WRITES.has(context.action) || (context.uid !== SESSION && context.uid !== REGISTRATION) || inRegistrationFlow()) {
      return next();
    }
    const sessions = new Set<string>();
    const documentId = context.params?.documentId;
    if (context.uid === SESSION && documentId) sessions.add(documentId);
    if (context.uid === REGISTRATION && documentId) {
      // Through the query engine: it joins a transaction this write may already be part of.
      const rows: any[] = await strapi.db.query(REGISTRATION as any).findMany({ select: ['sessionDocumentId'], where: { documentId } });
      for (const row of rows) sessions.add(row.sessionDocumentId);
    }
    const result = await next();
    if (context.uid === SESSION && result?.documentId) sessions.add(result.documentId);
    if (context.uid === REGISTRATION) {
      for (const entry of [result, ...(result?.entries ?? [])]) if (entry?.sessionDocumentId) sessions.add(entry.sessionDocumentId);
    }
    for (const session of sessions) await reconcilePlaces(strapi, session);
    return result;
  };
}

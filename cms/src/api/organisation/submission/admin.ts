import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../../../koa';
import { ORGANISATION, ORGANISATIONS_TABLE, SUBMISSIONS_TABLE } from './table';

/**
 * The editors' list of organisations proposed through the form and not moderated yet (the admin
 * home's widget, src/admin/submissions-widget.tsx): name, language, when, for editors allowed to
 * read organisations in the content manager. The submitter's contact is not in it.
 */
export const SUBMISSIONS_ADMIN_PREFIX = '/organisation-submissions';
const READ = 'plugin::content-manager.explorer.read';

export interface PendingSubmission {
  documentId: string;
  locale: string;
  name: string;
  submittedAt: string;
}

export async function pendingSubmissions(strapi: Core.Strapi): Promise<PendingSubmission[]> {
  const rows: Array<{ document_id: string; locale: string; name: string; created_at: number | string }> =
    await strapi.db
      .connection(`${SUBMISSIONS_TABLE} as s`)
      .join(`${ORGANISATIONS_TABLE} as o`, function () {
        this.on('o.document_id', '=', 's.organisation_document_id').andOn('o.locale', '=', 's.locale');
      })
      .whereNull('o.published_at')
      .select('s.organisation_document_id as document_id', 's.locale', 'o.name', 's.created_at')
      .orderBy('s.created_at', 'asc');
  return rows.map((row) => ({
    documentId: row.document_id,
    locale: row.locale,
    name: row.name,
    submittedAt: new Date(Number(row.created_at)).toISOString(),
  }));
}

export function submissionsAdminRoutes(strapi: Core.Strapi): Core.Router {
  return {
    type: 'admin',
    prefix: SUBMISSIONS_ADMIN_PREFIX,
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/pending',
        handler: async (ctx: KoaContext) => {
          const ability = ctx.state.userAbility as { can(action: string, subject: string): boolean };
          if (!ability.can(READ, ORGANISATION)) {
            ctx.status = 403;
            ctx.body = { error: 'Forbidden' };
            return;
          }
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { submissions: await pendingSubmissions(strapi) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
}

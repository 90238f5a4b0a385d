import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../../../koa';
import { registrationService } from '../services/registration';

/**
 * The admin routes of the training-session edit view's registrations panel (src/admin/): the
 * counts and the CSV export of a session's registrations. Admin JWT and the permission to read
 * registrations in the content manager required.
 */
export const EXPORT_PREFIX = '/registration-export';

export function registrationExportRoutes(strapi: Core.Strapi): Core.Router {
  const policies = [
    'admin::isAuthenticatedAdmin',
    {
      name: 'admin::hasPermissions',
      config: { actions: [['plugin::content-manager.explorer.read', 'api::registration.registration']] },
    },
  ];
  const service = () => registrationService(strapi);
  return {
    type: 'admin',
    prefix: EXPORT_PREFIX,
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/sessions/:documentId/summary',
        handler: async (ctx: KoaContext) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = await service().summary(String(ctx.params.documentId));
        },
        config: { policies },
      },
      {
        method: 'GET',
        info: {},
        path: '/sessions/:documentId/registrations.csv',
        handler: async (ctx: KoaContext) => {
          const file = await service().csv(String(ctx.params.documentId));
          if (!file) return ctx.notFound('No such training session');
          ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
          ctx.set('Cache-Control', 'no-store');
          ctx.type = 'text/csv; charset=utf-8';
          ctx.body = file.body;
        },
        config: { policies },
      },
    ],
  };
}

import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../koa';
import { STATES, translationStatus, type StatusRow, type TranslationState } from './translation-status';
import { myDrafts, recentlyPublished, registrationsThisWeek, REGISTRATION } from './home';

/**
 * Admin routes of the editors' pages (src/admin/): the translation status and the home widgets.
 * Any logged-in admin; each sees the types they may read in the content manager, and registrants'
 * names only if they may read registrations.
 */
export const EDITORS_PREFIX = '/editors';
const READ = 'plugin::content-manager.explorer.read';

type Ability = { can(action: string, subject: string): boolean };
const ability = (ctx: KoaContext) => ctx.state.userAbility as Ability;
const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };

export function editorsRoutes(strapi: Core.Strapi): Core.Router {
  return {
    type: 'admin',
    prefix: EDITORS_PREFIX,
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/translation-status',
        handler: async (ctx: KoaContext) => {
          const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
            (l: { code: string }) => l.code,
          );
          const ability = ctx.state.userAbility as { can(action: string, subject: string): boolean };
          const query = ctx.request.query as Record<string, string | undefined>;
          const type = query.type || undefined;
          const locale = query.locale && locales.includes(query.locale) ? query.locale : undefined;
          const state = STATES.includes(query.state as TranslationState)
            ? (query.state as TranslationState)
            : undefined;
          const all = await translationStatus(strapi, locales, (uid) => ability.can(READ, uid));
          const counts: Record<string, Record<TranslationState, number>> = {};
          for (const row of all) {
            counts[row.type] ??= Object.fromEntries(STATES.map((s) => [s, 0])) as Record<TranslationState, number>;
            for (const cell of Object.values(row.cells)) counts[row.type][cell.state] += 1;
          }
          const matches = (row: StatusRow) =>
            (!type || row.type === type) &&
            (!state ||
              Object.entries(row.cells).some(([code, cell]) => (!locale || code === locale) && cell.state === state));
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { locales, states: STATES, counts, rows: all.filter(matches) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        info: {},
        path: '/home/my-drafts',
        handler: async (ctx: KoaContext) => {
          const user = ctx.state.user as { id: number };
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { entries: await myDrafts(strapi, user.id, (uid) => ability(ctx).can(READ, uid)) };
        },
        config: adminOnly,
      },
      {
        method: 'GET',
        info: {},
        path: '/home/recently-published',
        handler: async (ctx: KoaContext) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { entries: await recentlyPublished(strapi, (uid) => ability(ctx).can(READ, uid)) };
        },
        config: adminOnly,
      },
      {
        method: 'GET',
        info: {},
        path: '/home/registrations',
        handler: async (ctx: KoaContext) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = await registrationsThisWeek(strapi, ability(ctx).can(READ, REGISTRATION));
        },
        config: adminOnly,
      },
    ],
  };
}

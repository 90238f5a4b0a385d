import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../koa';
import { readFile } from 'node:fs/promises';
import { STATES, translationStatus, type StatusRow, type TranslationState } from './translation-status';
import { ImportFileError, ORGANISATION, importAtlas } from './atlas-import';
import { importMessage } from './atlas-import-messages';
import { ACTIONS } from '../security/roles';
import { mayInLocale } from '../security/locale-guard';
import { myDrafts, recentlyPublished, registrationsThisWeek, REGISTRATION } from './home';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../i18n/locales';

/**
 * Admin routes of the editors' pages (src/admin/): the translation status (any logged-in admin;
 * each sees the types they may read in the content manager) and the Atlas import (an admin who may
 * create and edit organisations in the import's language, as the content manager and its locale
 * guard would let them: src/security/locale-guard.ts), and the home widgets (registrants' names
 * only for those who may read registrations).
 */
export const EDITORS_PREFIX = '/editors';
const READ = 'plugin::content-manager.explorer.read';

/** The uploaded file of a multipart request (koa-body/formidable), whatever its field name. */
type Upload = { filepath: string; size: number };
function uploadOf(ctx: KoaContext): Upload | undefined {
  const files = (ctx.request as unknown as { files?: Record<string, Upload | Upload[]> }).files ?? {};
  const first = Object.values(files)[0];
  return Array.isArray(first) ? first[0] : first;
}

/** The admin's language for messages: the panel's (asked), else their preference, else English. */
function languageOf(ctx: KoaContext, asked: unknown): LocaleCode {
  const preferred = (ctx.state.user as { preferedLanguage?: string } | undefined)?.preferedLanguage;
  for (const candidate of [asked, preferred])
    if (typeof candidate === 'string' && (LOCALE_CODES as string[]).includes(candidate.slice(0, 2)))
      return candidate.slice(0, 2) as LocaleCode;
  return DEFAULT_LOCALE;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;

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
        // The Atlas import (src/editors/atlas-import.ts): a dry run, or the import when `apply=true`.
        method: 'POST',
        info: {},
        path: '/atlas-import',
        handler: async (ctx: KoaContext) => {
          const body = (ctx.request.body ?? {}) as Record<string, unknown>;
          const query = ctx.request.query as Record<string, unknown>;
          const field = (name: string) => (body[name] ?? query[name]) as string | undefined;
          const language = languageOf(ctx, field('language'));
          ctx.set('Cache-Control', 'no-store');
          const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
            (l: { code: string }) => l.code,
          );
          const locale = field('locale') ?? '';
          if (!locales.includes(locale))
            return ctx.badRequest(importMessage('badLocale', language, { locales: locales.join(', ') }));
          const may = (action: string) => mayInLocale(strapi, ctx.state.userAbility, ORGANISATION, action, locale);
          if (!may(ACTIONS.create) || !may(ACTIONS.update))
            return ctx.forbidden(importMessage('mayNotImport', language, { locale: locale.toUpperCase() }));
          const publish = field('publish') === 'true';
          if (publish && !may(ACTIONS.publish))
            return ctx.forbidden(importMessage('mayNotPublish', language, { locale: locale.toUpperCase() }));
          const upload = uploadOf(ctx);
          if (!upload || upload.size === 0) return ctx.badRequest(importMessage('noFile', language));
          if (upload.size > MAX_FILE_BYTES) return ctx.badRequest(importMessage('unreadable', language));
          try {
            ctx.body = await importAtlas(strapi, await readFile(upload.filepath), {
              locale,
              language,
              apply: field('apply') === 'true',
              publish,
            });
          } catch (error) {
            if (error instanceof ImportFileError) return ctx.badRequest(error.message);
            throw error;
          }
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

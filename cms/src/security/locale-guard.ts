import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../koa';

/**
 * Strapi 5.54's content manager checks the `locales` of a role only against an existing document
 * version: creating a document, or a new locale of one (a PUT or a publish on a locale not yet
 * there), asks "may create?" without a locale, so a translator limited to Italian could create a
 * French entry (its own TODO: "Revert the creation if create permission conditions are not met").
 * This wraps the content manager's writing actions: the locale written must be one the admin may
 * create in (a new entry) or create or update in (a save or publish), else 403 before anything is
 * written. The locale is the one the i18n middleware resolved (body.locale) or the query's.
 */
type Controller = Record<string, (ctx: KoaContext) => unknown>;
const CREATE = 'plugin::content-manager.explorer.create';
const UPDATE = 'plugin::content-manager.explorer.update';

const WRAPPED: Record<string, Record<string, 'create' | 'write'>> = {
  'collection-types': { create: 'create', update: 'write', publish: 'write' },
  'single-types': { createOrUpdate: 'write', publish: 'write' },
};

function localeOf(ctx: KoaContext): string | undefined {
  const body = ctx.request.body as { locale?: unknown } | undefined;
  const query = ctx.request.query as { locale?: unknown };
  const locale = body?.locale ?? query?.locale;
  return typeof locale === 'string' && locale ? locale : undefined;
}

/** Whether an admin (their ability) may `action` (create, update, publish…) the `locale` version of a `model` entry. */
export function mayInLocale(
  strapi: Core.Strapi,
  userAbility: unknown,
  model: string,
  action: string,
  locale: string,
): boolean {
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model });
  return checker.can(action, { locale }) as boolean;
}

export function guardContentManagerLocales(strapi: Core.Strapi) {
  const contentManager = strapi.plugin('content-manager');
  for (const [name, actions] of Object.entries(WRAPPED)) {
    const controller = contentManager.controller(name) as unknown as Controller;
    for (const [action, kind] of Object.entries(actions)) {
      const original = controller[action];
      if (typeof original !== 'function') throw new Error(`content-manager ${name}.${action} is missing`);
      controller[action] = async (ctx: KoaContext) => {
        const model = String(ctx.params.model);
        const locale = localeOf(ctx);
        const schema = strapi.getModel(model as never) as { pluginOptions?: { i18n?: { localized?: boolean } } };
        const localized = schema?.pluginOptions?.i18n?.localized === true;
        if (localized && locale && ctx.state.userAbility) {
          const may = (action: string) => mayInLocale(strapi, ctx.state.userAbility, model, action, locale);
          const allowed = kind === 'create' ? may(CREATE) : may(CREATE) || may(UPDATE);
          if (!allowed) return ctx.forbidden(`You may not write the "${locale}" version of this entry`);
        }
        return original.call(controller, ctx);
      };
    }
  }
}

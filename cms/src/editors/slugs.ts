import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALE_CODES } from '../i18n/locales';
import { messageLocale, t } from '../api/registration/messages';
import { isReservedSlug } from './reserved-slugs';

export { RESERVED_SLUGS, isReservedSlug } from './reserved-slugs';

/** Refused next to the slug field, in the editor's admin language (else their browser's). */
function reservedSlug(strapi: Core.Strapi, field: string, slug: string) {
  const ctx = strapi.requestContext.get();
  const locale = messageLocale(ctx?.state?.user?.preferedLanguage ?? ctx?.acceptsLanguages?.(LOCALE_CODES));
  const message = t(locale, 'editor.slugReserved', { slug });
  return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/**
 * Slugs made on the server, per locale, from the entry's title in that locale, whenever the slug
 * sent is not a real choice:
 * - empty, or the content manager's placeholder (the model's name: `module`, `module-1`), which
 *   it keeps until someone clicks "Regenerate";
 * - a copy of another locale's slug ("Fill in from another locale", in the content manager) that
 *   its own title would not give.
 * A slug typed on purpose (anything else) is kept. Unique per locale through Strapi's own
 * generator (the "Regenerate" button's: slugify, then `-1`, `-2`… among this locale's entries);
 * the database's unique index per (type, locale) stays the final word (database/constraints.ts).
 * Non-localized slugs (an organisation's, shared by its locales) are left alone.
 */
type Attribute = { type: string; targetField?: string; pluginOptions?: { i18n?: { localized?: boolean } } };
type Model = { uid: string; modelName: string; attributes: Record<string, Attribute> };

interface DocumentContext {
  action: string;
  uid: string;
  params: { data?: Record<string, unknown>; locale?: string; documentId?: string };
}

interface UidService {
  generateUIDField(args: { contentTypeUID: string; field: string; data: object; locale?: string }): Promise<string>;
}

/** The localized uid fields of a model and the field each is made from. */
function slugFields(model: Model): Array<{ field: string; target: string }> {
  return Object.entries(model.attributes)
    .filter(([, a]) => a.type === 'uid' && a.targetField && a.pluginOptions?.i18n?.localized !== false)
    .map(([field, a]) => ({ field, target: a.targetField! }));
}

/**
 * "Fill in from another locale" is the content manager's: the copied-slug rule applies to its
 * requests only (the seed and scripts write the slugs they mean, even one shared by two locales).
 */
function fromContentManager(strapi: Core.Strapi): boolean {
  const request = strapi.requestContext.get() as { request?: { path?: string } } | undefined;
  return request?.request?.path?.startsWith('/content-manager/') ?? false;
}

export function isPlaceholderSlug(slug: unknown, modelName: string): boolean {
  if (slug === undefined) return false;
  if (slug === null || slug === '') return true;
  return typeof slug === 'string' && new RegExp(`^${modelName}(-\\d+)?$`).test(slug);
}

export function slugMiddleware(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const model = strapi.contentTypes[ctx.uid as keyof typeof strapi.contentTypes] as unknown as Model | undefined;
    if (!model || !ctx.uid.startsWith('api::')) return next();
    const data = ctx.params?.data;
    // A reserved slug (typed, or made from a title such as "Add"): refused, whatever the type's locales.
    for (const [field, attribute] of Object.entries(model.attributes))
      if (attribute.type === 'uid' && data && isReservedSlug(ctx.uid, data[field]))
        throw reservedSlug(strapi, field, String(data[field]));
    const fields = slugFields(model);
    if (!fields.length || !data) return next();
    const locale = ctx.params.locale;
    const uidService = strapi.plugin('content-manager').service('uid') as unknown as UidService;
    const documentId = ctx.params.documentId;

    for (const { field, target } of fields) {
      const title = data[target];
      const slug = data[field];
      // Created without a slug, or sent the placeholder: from the title, when there is one.
      let regenerate = (ctx.action === 'create' && slug === undefined) || isPlaceholderSlug(slug, model.modelName);
      if (!regenerate && slug === undefined && ctx.action === 'update' && documentId) {
        // A new locale of an entry (the content manager creates it with an update), or one still without a slug.
        const stored = await strapi.db
          .query(ctx.uid as never)
          .findOne({ where: { documentId, locale }, select: [field] });
        regenerate = !stored?.[field];
      }
      if (!regenerate && typeof slug === 'string' && documentId && fromContentManager(strapi)) {
        // A copy of another locale's slug, unless this locale's title gives the same one.
        const others: Array<Record<string, unknown>> = await strapi.db.query(ctx.uid as never).findMany({
          where: { documentId, locale: { $ne: locale ?? null } },
          select: [field],
        });
        if (others.some((o) => o[field] === slug)) {
          const own =
            typeof title === 'string' && title
              ? await uidService.generateUIDField({
                  contentTypeUID: ctx.uid,
                  field,
                  data: { [target]: title },
                  locale,
                })
              : null;
          regenerate = own !== null && own.replace(/-\d+$/, '') !== slug.replace(/-\d+$/, '');
        }
      }
      if (!regenerate) continue;
      let source = title;
      if ((typeof source !== 'string' || !source) && ctx.action === 'update' && documentId) {
        // A save that sends only the slug: the stored title of this locale.
        const stored = await strapi.db
          .query(ctx.uid as never)
          .findOne({ where: { documentId, locale }, select: [target] });
        source = stored?.[target];
      }
      if (typeof source !== 'string' || !source.trim()) continue;
      data[field] = await uidService.generateUIDField({
        contentTypeUID: ctx.uid,
        field,
        data: { [target]: source },
        locale,
      });
    }
    return next();
  };
}

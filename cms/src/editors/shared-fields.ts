import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * Shared (non-localized) fields reach every published locale when one locale is published.
 *
 * Strapi copies a shared field (a logo, a session's dates or capacity) into every locale's draft
 * when it is saved, but publishes only the locale being published: the others showed "Modified"
 * and kept the old logo on /fr, /it, /es until each was published by hand. Chosen: publishing one
 * locale publishes the others that are published too, when the shared fields are all they have
 * pending (their own localized text is the same in draft and published), so no translator's
 * unfinished work goes out with it; a locale with its own pending work stays "Modified" (its
 * translator publishes it, with the shared change). Rejected: a warning only (editors would still
 * have to publish three more times, and the site would show two logos meanwhile).
 *
 * Strapi 5.54's i18n plugin also copies shared fields into the other published rows on a publish,
 * but only when the row it happens to compare with (any row of the document) differs: on SQLite
 * it usually does not, on PostgreSQL it often does. Publishing here makes the outcome the same on
 * both, and goes through the Document Service, so the change log purges every locale's pages.
 */
const propagating = new AsyncLocalStorage<boolean>();

type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };
type Model = { attributes: Record<string, Attribute>; pluginOptions?: { i18n?: { localized?: boolean } } };
const SCALARS = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'uid',
  'email',
  'enumeration',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'boolean',
  'date',
  'datetime',
  'time',
  'json',
]);

/** The localized fields compared between a locale's draft and published versions. */
function localizedFields(model: Model): string[] {
  return Object.entries(model.attributes)
    .filter(([, a]) => SCALARS.has(a.type) && a.pluginOptions?.i18n?.localized === true)
    .map(([name]) => name);
}

/** The shared fields compared between locales: scalars by value, media by file ids. */
function sharedFields(model: Model): { scalars: string[]; media: string[] } {
  const shared = Object.entries(model.attributes).filter(([, a]) => a.pluginOptions?.i18n?.localized === false);
  return {
    scalars: shared.filter(([, a]) => SCALARS.has(a.type)).map(([name]) => name),
    media: shared.filter(([, a]) => a.type === 'media').map(([name]) => name),
  };
}

interface DocumentContext {
  action: string;
  uid: string;
  params: { documentId?: string; locale?: string | string[] };
}

export function sharedFieldsMiddleware(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    const result = await next();
    if (ctx.action !== 'publish' || propagating.getStore()) return result;
    const model = strapi.contentTypes[ctx.uid as keyof typeof strapi.contentTypes] as unknown as Model | undefined;
    const locale = ctx.params.locale;
    const documentId = ctx.params.documentId;
    if (!model || !ctx.uid.startsWith('api::') || model.pluginOptions?.i18n?.localized !== true) return result;
    const shared = sharedFields(model);
    if ((!shared.scalars.length && !shared.media.length) || typeof locale !== 'string' || locale === '*' || !documentId)
      return result;

    const fields = localizedFields(model);
    type Row = Record<string, unknown> & { locale: string; publishedAt: string | null };
    const rows = (await strapi.db.query(ctx.uid as never).findMany({
      where: { documentId },
      select: ['locale', 'publishedAt', ...fields, ...shared.scalars],
      populate: Object.fromEntries(shared.media.map((m) => [m, { select: ['id'] }])),
    })) as Row[];
    const sharedValue = (row: Row) =>
      JSON.stringify([
        ...shared.scalars.map((f) => row[f] ?? null),
        ...shared.media.map((m) => {
          const files = row[m] as { id: number } | Array<{ id: number }> | null | undefined;
          return Array.isArray(files) ? files.map((f) => f.id) : (files?.id ?? null);
        }),
      ]);
    const justPublished = rows.find((r) => r.locale === locale && r.publishedAt);
    if (!justPublished) return result;
    const others = [...new Set(rows.filter((r) => r.publishedAt && r.locale !== locale).map((r) => r.locale))];
    await propagating.run(true, async () => {
      for (const other of others) {
        const draft = rows.find((r) => r.locale === other && !r.publishedAt);
        const published = rows.find((r) => r.locale === other && r.publishedAt);
        if (!draft || !published) continue;
        // Already showing the same shared values: nothing to publish.
        if (sharedValue(published) === sharedValue(justPublished)) continue;
        // The translator's own unpublished text stays theirs to publish.
        const ownWorkPending = fields.some(
          (f) => JSON.stringify(draft[f] ?? null) !== JSON.stringify(published[f] ?? null),
        );
        if (ownWorkPending) continue;
        await strapi.documents(ctx.uid as never).publish({ documentId, locale: other } as never);
      }
    });
    return result;
  };
}

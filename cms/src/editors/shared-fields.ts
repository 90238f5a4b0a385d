import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { missingAltTexts } from './alt-text';

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
 * it usually does not, on PostgreSQL it often does, stamping them `updatedAt` now (the content
 * manager then showed a locale with pending work as "published" on PostgreSQL only). Publishing
 * here, and putting back the published versions of the locales not published, makes the outcome
 * the same on both, through the Document Service, so the change log purges every locale's pages.
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
    if (ctx.action !== 'publish' || propagating.getStore()) return next();
    const model = strapi.contentTypes[ctx.uid as keyof typeof strapi.contentTypes] as unknown as Model | undefined;
    const locale = ctx.params.locale;
    const documentId = ctx.params.documentId;
    if (!model || !ctx.uid.startsWith('api::') || model.pluginOptions?.i18n?.localized !== true) return next();
    const shared = sharedFields(model);
    if ((!shared.scalars.length && !shared.media.length) || typeof locale !== 'string' || locale === '*' || !documentId)
      return next();

    // One transaction: the publication, the other locales' publications and the restoring.
    return strapi.db.transaction(async ({ trx }) => {
      const fields = localizedFields(model);
      type Row = Record<string, unknown> & {
        id: number;
        locale: string;
        publishedAt: string | null;
        updatedAt: unknown;
      };
      const read = async (where: Record<string, unknown>) =>
        (await strapi.db.query(ctx.uid as never).findMany({
          where: { documentId, ...where },
          select: ['id', 'locale', 'publishedAt', 'updatedAt', ...fields, ...shared.scalars],
          populate: Object.fromEntries(shared.media.map((m) => [m, { select: ['id'] }])),
        })) as Row[];
      const mediaIds = (row: Row, m: string) => {
        const files = row[m] as { id: number } | Array<{ id: number }> | null | undefined;
        return Array.isArray(files) ? files.map((f) => f.id) : (files?.id ?? null);
      };
      const sharedValue = (row: Row) =>
        JSON.stringify([...shared.scalars.map((f) => row[f] ?? null), ...shared.media.map((m) => mediaIds(row, m))]);
      // The other locales' published versions as they were before this publication, and their
      // timestamps as stored (the query layer sets `updatedAt` to now on every update).
      const publishedBefore = (await read({ publishedAt: { $notNull: true } })).filter((r) => r.locale !== locale);
      const meta = strapi.db.metadata.get(ctx.uid) as unknown as {
        tableName: string;
        attributes: { updatedAt?: { columnName?: string } };
      };
      const stampColumn = meta.attributes.updatedAt?.columnName ?? 'updated_at';
      const stamps = new Map<number, unknown>(
        (
          (await trx(meta.tableName)
            .whereIn(
              'id',
              publishedBefore.map((r) => r.id),
            )
            .select('id', stampColumn)) as Array<Record<string, unknown>>
        ).map((r) => [Number(r.id), r[stampColumn]]),
      );

      const result = await next();
      const rows = await read({});
      const justPublished = rows.find((r) => r.locale === locale && r.publishedAt);
      if (!justPublished) return result;
      const others = [...new Set(rows.filter((r) => r.publishedAt && r.locale !== locale).map((r) => r.locale))];
      const republished = new Set<string>();
      await propagating.run(true, async () => {
        for (const other of others) {
          const draft = rows.find((r) => r.locale === other && !r.publishedAt);
          // As it was before this publication (Strapi's sync may have changed it since).
          const published = publishedBefore.find((r) => r.locale === other);
          if (!draft || !published) continue;
          // Already showing the same shared values: nothing to publish.
          if (sharedValue(published) === sharedValue(justPublished)) continue;
          // The translator's own unpublished text stays theirs to publish.
          const ownWorkPending = fields.some(
            (f) => JSON.stringify(draft[f] ?? null) !== JSON.stringify(published[f] ?? null),
          );
          if (ownWorkPending) continue;
          // A new image not yet described in that language: its translator writes the alt text, then publishes.
          if ((await missingAltTexts(strapi, ctx.uid, documentId, [other])).length) continue;
          await strapi.documents(ctx.uid as never).publish({ documentId, locale: other } as never);
          republished.add(other);
        }
      });
      // A locale left as it was stays as it was. Strapi's i18n sync may have copied the shared values
      // into its published version (on PostgreSQL often, on SQLite rarely: it compares with whichever
      // row the database returns first) and stamped it `updatedAt` now, so the content manager called
      // it "published" while its draft had unpublished work. Its published version is put back as it
      // was, values and time, the same on both databases.
      for (const before of publishedBefore) {
        if (republished.has(before.locale)) continue;
        const now = (await read({ id: before.id }))[0];
        if (!now) continue;
        if (sharedValue(now) !== sharedValue(before))
          await strapi.db.query(ctx.uid as never).update({
            where: { id: before.id },
            data: {
              ...Object.fromEntries(shared.scalars.map((f) => [f, before[f] ?? null])),
              ...Object.fromEntries(shared.media.map((m) => [m, mediaIds(before, m)])),
            },
          });
        if (stamps.has(before.id))
          await trx(meta.tableName)
            .where('id', before.id)
            .update({ [stampColumn]: stamps.get(before.id) });
      }
      return result;
    });
  };
}

import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { editorialTypes } from '../security/roles';
import { LAYOUTS } from './fields';

/**
 * Which translations are missing, unpublished, modified or outdated.
 *
 * The source of an entry is the locale it was first written in (its earliest version; the default
 * locale breaks a tie). Every save of another locale records, in `translation_sources`, which
 * locale it was translated from and that locale's last change at that moment (`updatedAt` of its
 * draft, epoch ms). A translation is **outdated** when its source has changed since. A translation
 * with no record (made before this existed, or by the seed) counts from its own last change.
 *
 * Per entry and locale, the state: missing (no version), draft (never published), published,
 * modified (a draft newer than the published version: the content manager's own rule), or
 * outdated (the source changed after the translation was last saved; wins over the others).
 */
export const SOURCES_TABLE = 'translation_sources';
export const STATES = ['missing', 'draft', 'published', 'modified', 'outdated'] as const;
export type TranslationState = (typeof STATES)[number];

export async function ensureTranslationTables(strapi: Core.Strapi) {
  const schema = strapi.db.connection.schema;
  if (!(await schema.hasTable(SOURCES_TABLE))) {
    await schema.createTable(SOURCES_TABLE, (table) => {
      table.string('type', 100).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('source_locale', 16).notNullable();
      table.bigInteger('source_updated_at').notNullable();
      table.bigInteger('saved_at').notNullable();
      table.primary(['type', 'document_id', 'locale']);
    });
  }
}

interface SourceRecord {
  document_id: string;
  locale: string;
  source_locale: string;
  source_updated_at: string | number;
}

interface Version {
  documentId: string;
  locale: string;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  [field: string]: unknown;
}

const ms = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : 0);

function localizedTypes(strapi: Core.Strapi) {
  return editorialTypes(strapi).filter(
    (uid) =>
      (
        strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as {
          pluginOptions?: { i18n?: { localized?: boolean } };
        }
      )?.pluginOptions?.i18n?.localized === true,
  );
}

/** The source locale among an entry's drafts: the first written, the default locale on a tie. */
function sourceOf(drafts: Version[]): Version | undefined {
  return [...drafts].sort(
    (a, b) =>
      ms(a.createdAt) - ms(b.createdAt) ||
      Number(b.locale === DEFAULT_LOCALE) - Number(a.locale === DEFAULT_LOCALE) ||
      a.locale.localeCompare(b.locale),
  )[0];
}

type Attributes = Record<string, { type: string; pluginOptions?: { i18n?: { localized?: boolean } } }>;

/** What a translator translates of a version: its localized text fields and components (ids left out). */
async function translatableContent(strapi: Core.Strapi, uid: string, documentId: string, locale: string) {
  const attributes = (
    strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as { attributes: Attributes }
  ).attributes;
  const names = Object.entries(attributes)
    .filter(([, a]) => a.pluginOptions?.i18n?.localized === true && a.type !== 'relation' && a.type !== 'media')
    .map(([name]) => name);
  const components = names.filter((name) => ['component', 'dynamiczone'].includes(attributes[name].type));
  const version = (await strapi.db.query(uid as never).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: Object.fromEntries(components.map((name) => [name, true])),
  })) as Record<string, unknown> | null;
  if (!version) return null;
  return JSON.stringify(
    names.map((name) => version[name] ?? null),
    (key, value) => (key === 'id' || key === '__order' ? undefined : value === '' ? null : value),
  );
}

/**
 * Records what a translation was made from, after each save of a locale (a Document Service
 * middleware). A save of the source that changes none of its translatable content (a shared
 * field: a logo, a duration, a session's capacity; a relation) leaves its up-to-date translations
 * up to date: nothing in them needs translating again.
 */
export function translationSourceMiddleware(strapi: Core.Strapi) {
  const types = new Set<string>();
  return async (
    ctx: { action: string; uid: string; params: { documentId?: string; locale?: string } },
    next: () => Promise<unknown>,
  ) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    if (!types.size) for (const uid of localizedTypes(strapi)) types.add(uid);
    if (!types.has(ctx.uid)) return next();
    // Before an update: the content and last change of the version written, in case it is the source.
    const before =
      ctx.action === 'update' && ctx.params.documentId && typeof ctx.params.locale === 'string'
        ? {
            content: await translatableContent(strapi, ctx.uid, ctx.params.documentId, ctx.params.locale),
            updatedAt: ms(
              (
                (await strapi.db.query(ctx.uid as never).findOne({
                  where: { documentId: ctx.params.documentId, locale: ctx.params.locale, publishedAt: null },
                  select: ['updatedAt'],
                })) as Version | null
              )?.updatedAt,
            ),
          }
        : null;
    const result = (await next()) as { documentId?: string; locale?: string } | null;
    const documentId = result?.documentId ?? ctx.params.documentId;
    const locale = result?.locale ?? ctx.params.locale;
    if (!documentId || !locale || locale === '*') return result;
    // In the action's transaction (Strapi's transactions nest): SQLite has one connection only.
    await strapi.db.transaction(async ({ trx }) => {
      const drafts = (await strapi.db.query(ctx.uid as never).findMany({
        where: { documentId, publishedAt: null },
        select: ['documentId', 'locale', 'createdAt', 'updatedAt'],
      })) as Version[];
      const source = sourceOf(drafts);
      if (!source) return;
      if (source.locale === locale) {
        if (!before?.content || before.content !== (await translatableContent(strapi, ctx.uid, documentId, locale)))
          return;
        // The source's text is unchanged: the translations that were up to date still are.
        await trx(SOURCES_TABLE)
          .where({ type: ctx.uid, document_id: documentId, source_locale: locale })
          .where('source_updated_at', '>=', before.updatedAt)
          .update({ source_updated_at: ms(source.updatedAt) });
        return;
      }
      const row = {
        type: ctx.uid,
        document_id: documentId,
        locale,
        source_locale: source.locale,
        source_updated_at: ms(source.updatedAt),
        saved_at: Date.now(),
      };
      await trx(SOURCES_TABLE)
        .insert(row)
        .onConflict(['type', 'document_id', 'locale'])
        .merge(['source_locale', 'source_updated_at', 'saved_at']);
    });
    return result;
  };
}

/** Gives every translation without a record one, as of now (at start, after the seed). */
export async function recordMissingSources(strapi: Core.Strapi) {
  const now = Date.now();
  for (const uid of localizedTypes(strapi)) {
    const drafts = (await strapi.db.query(uid as never).findMany({
      where: { publishedAt: null },
      select: ['documentId', 'locale', 'createdAt', 'updatedAt'],
    })) as Version[];
    const known = new Set(
      (await strapi.db.connection(SOURCES_TABLE).where('type', uid).select('document_id', 'locale')).map(
        (r: { document_id: string; locale: string }) => `${r.document_id}:${r.locale}`,
      ),
    );
    const byDocument = new Map<string, Version[]>();
    for (const v of drafts) byDocument.set(v.documentId, [...(byDocument.get(v.documentId) ?? []), v]);
    const missing = [];
    for (const [documentId, versions] of byDocument) {
      const source = sourceOf(versions)!;
      for (const v of versions)
        if (v.locale !== source.locale && !known.has(`${documentId}:${v.locale}`))
          missing.push({
            type: uid,
            document_id: documentId,
            locale: v.locale,
            source_locale: source.locale,
            source_updated_at: ms(source.updatedAt),
            saved_at: now,
          });
    }
    for (let i = 0; i < missing.length; i += 100)
      await strapi.db
        .connection(SOURCES_TABLE)
        .insert(missing.slice(i, i + 100))
        .onConflict()
        .ignore();
  }
}

export interface StatusCell {
  state: TranslationState;
  /** For an outdated translation: the locale it was translated from. */
  source?: string;
}
export interface StatusRow {
  type: string;
  kind: 'collectionType' | 'singleType';
  documentId: string;
  title: string;
  sourceLocale: string;
  cells: Record<string, StatusCell>;
}

/** Every entry of every localized type (that `canRead` allows) × every locale. */
export async function translationStatus(
  strapi: Core.Strapi,
  locales: string[],
  canRead: (uid: string) => boolean = () => true,
): Promise<StatusRow[]> {
  const rows: StatusRow[] = [];
  for (const uid of localizedTypes(strapi).filter(canRead)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as {
      kind: 'collectionType' | 'singleType';
      attributes: Record<string, { type: string }>;
    };
    const mainField = LAYOUTS[uid]?.mainField ?? (model.attributes.title ? 'title' : undefined);
    const versions = (await strapi.db.query(uid as never).findMany({
      select: ['documentId', 'locale', 'publishedAt', 'updatedAt', 'createdAt', ...(mainField ? [mainField] : [])],
    })) as Version[];
    const records = await strapi.db.connection(SOURCES_TABLE).where('type', uid);
    const recorded = new Map(records.map((r: SourceRecord) => [`${r.document_id}:${r.locale}`, r]));
    const byDocument = new Map<string, Version[]>();
    for (const v of versions) byDocument.set(v.documentId, [...(byDocument.get(v.documentId) ?? []), v]);
    for (const [documentId, all] of byDocument) {
      const drafts = all.filter((v) => !v.publishedAt);
      const source = sourceOf(drafts.length ? drafts : all)!;
      const cells: Record<string, StatusCell> = {};
      for (const locale of locales) {
        const draft = drafts.find((v) => v.locale === locale);
        const published = all.find((v) => v.locale === locale && v.publishedAt);
        let state: TranslationState;
        if (!draft && !published) state = 'missing';
        else if (!published) state = 'draft';
        else state = draft && ms(draft.updatedAt) > ms(published.updatedAt) ? 'modified' : 'published';
        if (state !== 'missing' && locale !== source.locale) {
          const record = recorded.get(`${documentId}:${locale}`) as SourceRecord | undefined;
          const sourceDraft = drafts.find((v) => v.locale === source.locale) ?? source;
          if (record && ms(sourceDraft.updatedAt) > Number(record.source_updated_at)) {
            cells[locale] = { state: 'outdated', source: record?.source_locale ?? source.locale };
            continue;
          }
        }
        cells[locale] = { state };
      }
      const named = all.find((v) => v.locale === source.locale) ?? all[0];
      rows.push({
        type: uid,
        kind: model.kind,
        documentId,
        title: String((mainField && named[mainField]) ?? documentId),
        sourceLocale: source.locale,
        cells,
      });
    }
  }
  return rows;
}

import type { Core } from '@strapi/strapi';
import { CHANGES_TABLE } from '../publishing/tables';
import { lastSeq, sequenceChanges } from '../publishing/sequence';
import { readPublished, SEARCH_TYPE_NAMES, isSearchType, type SearchDocument, type SearchType } from './documents';
import { createEmbeddedProvider } from './embedded';
import { createPostgresProvider } from './postgres';
import type { SearchPage, SearchProvider, SearchQuery } from './provider';
import { SEARCH_LOCALES } from './text';

/**
 * The search service: one provider (SEARCH_PROVIDER: `embedded`, the default, or `postgres`),
 * filled with every published entry at start, then kept current by following the publishing
 * pipeline's change log (`content_changes`, by `seq`): every SEARCH_REFRESH_MS (1000) it reads
 * the rows numbered since the last it applied and re-reads those entries, published versions
 * only, in all their locales. A change is searchable, an unpublished entry gone, within about two
 * seconds on every replica (each follows the log on its own).
 */
export const SEARCH_LIMITS = {
  maxQueryLength: 200,
  maxPage: 50,
  defaultPageSize: 10,
  maxPageSize: 50,
} as const;

export interface SearchService {
  provider: SearchProvider;
  search(query: SearchQuery): Promise<SearchPage>;
  /** Applies the change log up to now (the refresh loop calls it; tests and the bench too). */
  refresh(): Promise<number>;
  /** The `seq` of the last change applied. */
  appliedSeq(): number;
  stop(): void;
}

export async function readAllPublished(strapi: Core.Strapi): Promise<SearchDocument[]> {
  const all: SearchDocument[] = [];
  for (const type of SEARCH_TYPE_NAMES)
    for (const locale of SEARCH_LOCALES) all.push(...(await readPublished(strapi, type, locale)));
  return all;
}

async function readEntry(strapi: Core.Strapi, type: SearchType, documentId: string) {
  const documents: SearchDocument[] = [];
  for (const locale of SEARCH_LOCALES) documents.push(...(await readPublished(strapi, type, locale, [documentId])));
  return documents;
}

export function providerName(): 'embedded' | 'postgres' {
  const name = (process.env.SEARCH_PROVIDER ?? 'embedded').trim() || 'embedded';
  if (name !== 'embedded' && name !== 'postgres')
    throw new Error(`SEARCH_PROVIDER must be "embedded" or "postgres", not "${name}".`);
  return name;
}

export async function startSearch(strapi: Core.Strapi, name = providerName()): Promise<SearchService> {
  let provider: SearchProvider;
  if (name === 'postgres') {
    if (strapi.db.dialect.client !== 'postgres')
      throw new Error('SEARCH_PROVIDER=postgres needs the CMS on PostgreSQL (DATABASE_CLIENT=postgres).');
    provider = await createPostgresProvider(strapi.db.connection);
  } else provider = createEmbeddedProvider();

  // The log's end first: whatever is committed later is applied after the full read (again, harmlessly).
  await sequenceChanges(strapi);
  let applied = await lastSeq(strapi.db.connection);
  await provider.rebuild(await readAllPublished(strapi));

  let running: Promise<number> | null = null;
  const refresh = () =>
    (running ??= (async () => {
      try {
        await sequenceChanges(strapi);
        const rows: Array<{ seq: number | string; type: string; document_id: string }> = await strapi.db
          .connection(CHANGES_TABLE)
          .select('seq', 'type', 'document_id')
          .whereNotNull('seq')
          .andWhere('seq', '>', applied)
          .orderBy('seq')
          .limit(1000);
        if (rows.length === 0) return 0;
        const entries = new Map<string, { type: SearchType; documentId: string }>();
        for (const row of rows)
          if (isSearchType(row.type))
            entries.set(`${row.type}:${row.document_id}`, { type: row.type, documentId: row.document_id });
        for (const { type, documentId } of entries.values())
          await provider.replace(type, documentId, await readEntry(strapi, type, documentId));
        applied = Number(rows[rows.length - 1].seq);
        return entries.size;
      } finally {
        running = null;
      }
    })());

  const every = Math.max(100, Number(process.env.SEARCH_REFRESH_MS ?? 1000) || 1000);
  const timer = setInterval(() => {
    refresh().catch((error) => strapi.log.warn(`search: refresh failed (${String(error)}); retrying`));
  }, every);
  timer.unref();

  return {
    provider,
    search: (query) => provider.search(query),
    refresh,
    appliedSeq: () => applied,
    stop: () => clearInterval(timer),
  };
}

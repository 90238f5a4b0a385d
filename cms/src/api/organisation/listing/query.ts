import type { Core } from '@strapi/strapi';
import { contentTypeName } from '../../../publishing/content-types';
import { CHANGES_TABLE } from '../../../publishing/tables';
import { contentVersion } from '../../../publishing/version';

/**
 * The Atlas's listing: one page of the published organisations of a locale (by name, then
 * documentId) and the count of every facet value, for 10,000 organisations and more per locale.
 *
 * Facet values of an organisation: its country, its kind (as the GraphQL enum writes it,
 * `social_enterprise`), each string of its `roles` JSON array, the documentId of each published
 * theme it links as a service. A filter keeps the organisations having that value; the count of a
 * value is the number of organisations having it among those matching every *other* filter; every
 * value present in the locale is listed, with 0 when the other filters exclude it.
 *
 * How: the database gives the published organisations of the locale in its own name order with
 * their facet values (two statements on indexes, then one to put the values in the database's text
 * order); they are kept in memory (`LocaleAtlas`: small integers per organisation), and a request
 * only filters and counts them in one pass (about a millisecond for 10,000). Computing the counts
 * in SQL instead meant recomputing every organisation's facet values (JSON arrays, the services
 * link) on each request: 1 to 4 s at 10,000 (docs/benchmarks.md).
 *
 * The copy follows the content version (src/publishing/version.ts), which moves in the transaction
 * of every publish, unpublish, update of published content and delete (the change log): a request
 * that finds it moved first brings the copy up to date from the log's rows (`patchAtlas`), so each
 * replica answers from the commit of a change on. The map (../graphql/map.ts) reads the same copy.
 *
 * Published rows only: this reads the tables directly, below the Document Service, so the
 * published-only rule of src/security/drafts.ts is written here as `published_at IS NOT NULL` on
 * every table read (organisations and themes), and tests/listing.test.ts holds it.
 */
export const FACETS = ['country', 'kind', 'role', 'service'] as const;
export type FacetName = (typeof FACETS)[number];
export type Filters = Partial<Record<FacetName, string | null>>;

export interface ListingResult {
  ids: string[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: { facet: FacetName; value: string; count: number }[];
}

export interface PlacedOrganisation {
  documentId: string;
  name: string;
  slug: string;
  kind: string;
  latitude: number;
  longitude: number;
}

/** One published organisation: what the list and the map need, and its facet values (indexes into `values`). */
interface Entry {
  documentId: string;
  name: string;
  slug: string;
  kind: string | null;
  /** NaN: no coordinates. */
  latitude: number;
  longitude: number;
  values: Record<FacetName, number[]>;
}

/**
 * The published organisations of a locale as the database had them at one moment (a snapshot:
 * every change of the log up to `seq`, and those committed but not yet numbered), in its
 * `ORDER BY name, document_id`. `values[facet]` is the dictionary of the values met (indexes never
 * change), `order[facet]` the same indexes in the database's text order, `present[facet][v]` how
 * many organisations have value v (a value nobody has any more is not listed).
 */
export interface LocaleAtlas {
  locale: string;
  version: string;
  seq: number;
  /** Changes when the organisations do (the map's indexes follow it), not for other content. */
  revision: number;
  orgs: Entry[];
  values: Record<FacetName, string[]>;
  valueIndex: Record<FacetName, Map<string, number>>;
  order: Record<FacetName, number[]>;
  present: Record<FacetName, number[]>;
}

interface Tables {
  organisations: string;
  themes: string;
  link: string;
  linkOrganisation: string;
  linkTheme: string;
}

function tables(strapi: Core.Strapi): Tables {
  const organisation = strapi.db.metadata.get('api::organisation.organisation');
  const theme = strapi.db.metadata.get('api::theme.theme');
  const services = organisation.attributes.services as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  return {
    organisations: organisation.tableName,
    themes: theme.tableName,
    link: services.joinTable.name,
    linkOrganisation: services.joinTable.joinColumn.name,
    linkTheme: services.joinTable.inverseJoinColumn.name,
  };
}

/** Rows of knex.raw: an array in SQLite, `{ rows }` in PostgreSQL. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/** The strings of a `roles` JSON value (text in SQLite, parsed jsonb in PostgreSQL); anything else has none. */
function roleStrings(raw: unknown): string[] {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

type Row = {
  id: number | string;
  document_id: string;
  name: string;
  slug: string;
  country: string | null;
  kind: string | null;
  roles: unknown;
  latitude: number | string | null;
  longitude: number | string | null;
};
type Loaded = { row: Row; facets: Record<FacetName, string[]> };
type Db = Core.Strapi['db']['connection'];

const distinct = (list: (string | null)[]) => [...new Set(list.filter((v): v is string => v != null))];
const CHUNK = 500;

/** The published rows of a locale (all, or those of some documents), in name order, with their facet values. */
async function loadRows(db: Db, t: Tables, locale: string, documentIds?: string[]): Promise<Loaded[]> {
  const rows: Row[] = [];
  const services: Array<{ organisation: number | string; theme: string }> = [];
  const chunks = documentIds
    ? Array.from({ length: Math.ceil(documentIds.length / CHUNK) }, (_, i) =>
        documentIds.slice(i * CHUNK, (i + 1) * CHUNK),
      )
    : [null];
  for (const chunk of chunks) {
    // organisations_listing_idx (src/database/constraints.ts) gives these rows in this order.
    const organisations = db(t.organisations)
      .select('id', 'document_id', 'name', 'slug', 'country', 'kind', 'roles', 'latitude', 'longitude')
      .where('locale', locale)
      .whereNotNull('published_at')
      .orderBy([
        { column: 'name', order: 'asc' },
        { column: 'document_id', order: 'asc' },
      ]);
    const links = db(`${t.link} as l`)
      .join(`${t.organisations} as o`, 'o.id', `l.${t.linkOrganisation}`)
      .join(`${t.themes} as th`, 'th.id', `l.${t.linkTheme}`)
      .where('o.locale', locale)
      .whereNotNull('o.published_at')
      .whereNotNull('th.published_at')
      .select({ organisation: `l.${t.linkOrganisation}`, theme: 'th.document_id' });
    if (chunk) {
      organisations.whereIn('document_id', chunk);
      links.whereIn('o.document_id', chunk);
    }
    rows.push(...(await organisations));
    services.push(...(await links));
  }
  const servicesOf = new Map<number, string[]>();
  for (const { organisation, theme } of services) {
    const id = Number(organisation);
    const list = servicesOf.get(id);
    if (list) list.push(theme);
    else servicesOf.set(id, [theme]);
  }
  return rows.map((row) => {
    const kind = row.kind == null ? null : row.kind.replace(/-/g, '_');
    return {
      row: { ...row, kind },
      facets: {
        country: distinct([row.country]),
        kind: distinct([kind]),
        role: distinct(roleStrings(row.roles)),
        service: distinct(servicesOf.get(Number(row.id)) ?? []),
      },
    };
  });
}

/** `values` in the order the database sorts text (its collation), as ORDER BY did in SQL. */
async function databaseOrder(db: Db, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  return rowsOf<{ v: string }>(
    await db.raw(
      `SELECT column1 AS v FROM (VALUES ${values.map(() => '(CAST(? AS TEXT))').join(', ')}) AS t ORDER BY column1`,
      values,
    ),
  ).map((row) => row.v);
}

/** Adds the values of `loaded` missing from the dictionaries (copies); true when some were. */
function extendValues(atlas: LocaleAtlas, loaded: Loaded[]): boolean {
  let added = false;
  for (const facet of FACETS)
    for (const { facets } of loaded)
      for (const value of facets[facet])
        if (!atlas.valueIndex[facet].has(value)) {
          if (!added) {
            for (const f of FACETS) {
              atlas.values[f] = [...atlas.values[f]];
              atlas.valueIndex[f] = new Map(atlas.valueIndex[f]);
              atlas.present[f] = [...atlas.present[f]];
            }
            added = true;
          }
          atlas.valueIndex[facet].set(value, atlas.values[facet].length);
          atlas.values[facet].push(value);
          atlas.present[facet].push(0);
        }
  return added;
}

async function sortValues(db: Db, atlas: LocaleAtlas) {
  const sorted = await databaseOrder(db, [...new Set(FACETS.flatMap((facet) => atlas.values[facet]))]);
  const rank = new Map(sorted.map((v, i) => [v, i]));
  for (const facet of FACETS)
    atlas.order[facet] = atlas.values[facet]
      .map((_, i) => i)
      .sort((a, b) => rank.get(atlas.values[facet][a]!)! - rank.get(atlas.values[facet][b]!)!);
}

function entryOf(atlas: LocaleAtlas, { row, facets }: Loaded): Entry {
  const placed = row.latitude != null && row.longitude != null;
  const values = {} as Record<FacetName, number[]>;
  for (const facet of FACETS) {
    values[facet] = facets[facet].map((value) => atlas.valueIndex[facet].get(value)!);
    for (const v of values[facet]) atlas.present[facet][v]!++;
  }
  return {
    documentId: row.document_id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    latitude: placed ? Number(row.latitude) : NaN,
    longitude: placed ? Number(row.longitude) : NaN,
    values,
  };
}

/** A snapshot of the database (PostgreSQL: repeatable read; SQLite's transactions are serializable). */
function snapshot<T>(strapi: Core.Strapi, work: (trx: Db) => Promise<T>): Promise<T> {
  const postgres = strapi.db.dialect.client === 'postgres';
  return strapi.db.connection.transaction(
    (trx) => work(trx as unknown as Db),
    postgres ? { isolationLevel: 'repeatable read' } : {},
  );
}

async function topSeq(db: Db): Promise<number> {
  const [{ top }] = await db(CHANGES_TABLE).max({ top: 'seq' });
  return Number(top ?? 0);
}

let revisions = 0;

async function buildAtlas(strapi: Core.Strapi, locale: string, version: string): Promise<LocaleAtlas> {
  const t = tables(strapi);
  return snapshot(strapi, async (db) => {
    const seq = await topSeq(db);
    const loaded = await loadRows(db, t, locale);
    const atlas: LocaleAtlas = {
      locale,
      version,
      seq,
      revision: ++revisions,
      orgs: [],
      values: { country: [], kind: [], role: [], service: [] },
      valueIndex: { country: new Map(), kind: new Map(), role: new Map(), service: new Map() },
      order: { country: [], kind: [], role: [], service: [] },
      present: { country: [], kind: [], role: [], service: [] },
    };
    extendValues(atlas, loaded);
    await sortValues(db, atlas);
    atlas.orgs = loaded.map((one) => entryOf(atlas, one));
    return atlas;
  });
}

/** More organisations changed than this since the last copy: read the locale again. */
const PATCH_MAX = 200;

/**
 * The atlas brought to the current version from the previous one: the changes of the log it has
 * not seen (numbered after its `seq`, or not numbered yet: applying one twice does nothing more),
 * read in one snapshot with the rows they concern. Changes of other types leave the organisations
 * as they are; each changed organisation of the locale is read again and put back at its place in
 * the database's order (its rank, counted by the database on the listing's index). A theme's
 * change (a service's value) or many changes: null, the locale is read again.
 */
async function patchAtlas(strapi: Core.Strapi, before: LocaleAtlas, version: string): Promise<LocaleAtlas | null> {
  const t = tables(strapi);
  const organisationType = contentTypeName(strapi, 'api::organisation.organisation');
  const themeType = contentTypeName(strapi, 'api::theme.theme');
  return snapshot(strapi, async (db) => {
    const seq = await topSeq(db);
    const changes: Array<{ type: string; document_id: string; locale: string }> = rowsOf(
      await db.raw(
        `SELECT type, document_id, locale FROM ${CHANGES_TABLE} WHERE seq > ?
         UNION ALL SELECT type, document_id, locale FROM ${CHANGES_TABLE} WHERE seq IS NULL`,
        [before.seq],
      ),
    );
    if (changes.some((change) => change.type === themeType)) return null;
    const changed = new Set(
      changes
        .filter((change) => change.type === organisationType && change.locale === before.locale)
        .map((change) => change.document_id),
    );
    if (changed.size > PATCH_MAX) return null;
    if (changed.size === 0) return { ...before, version, seq };
    const loaded = await loadRows(db, t, before.locale, [...changed]);
    const atlas: LocaleAtlas = {
      ...before,
      version,
      seq,
      revision: ++revisions,
      values: { ...before.values },
      valueIndex: { ...before.valueIndex },
      order: { ...before.order },
      present: { ...before.present },
    };
    for (const facet of FACETS) atlas.present[facet] = [...atlas.present[facet]];
    if (extendValues(atlas, loaded)) await sortValues(db, atlas);
    const orgs: Entry[] = [];
    for (const entry of before.orgs) {
      if (!changed.has(entry.documentId)) orgs.push(entry);
      else for (const facet of FACETS) for (const v of entry.values[facet]) atlas.present[facet][v]!--;
    }
    // Each at its rank among the published rows of the locale in this snapshot, lowest first.
    const placed: Array<{ rank: number; entry: Entry }> = [];
    for (const one of loaded) {
      const [{ n }] = rowsOf<{ n: number | string }>(
        await db.raw(
          `SELECT COUNT(*) AS n FROM ${t.organisations} WHERE locale = ? AND published_at IS NOT NULL
           AND (name < ? OR (name = ? AND document_id < ?))`,
          [before.locale, one.row.name, one.row.name, one.row.document_id],
        ),
      );
      placed.push({ rank: Number(n), entry: entryOf(atlas, one) });
    }
    placed.sort((a, b) => a.rank - b.rank);
    for (const { rank, entry } of placed) orgs.splice(rank, 0, entry);
    atlas.orgs = orgs;
    return atlas;
  });
}

const LOCALES_KEPT = 16;
const atlases = new WeakMap<Core.Strapi, Map<string, { version: string; atlas: Promise<LocaleAtlas> }>>();

/**
 * The atlas of a locale at the current content version: the copy in memory when its version is
 * current, else the previous copy patched with what changed since (or read again), once for all
 * the requests that arrive meanwhile.
 */
export async function atlasOf(strapi: Core.Strapi, locale: string): Promise<LocaleAtlas> {
  const version = await contentVersion(strapi);
  let cache = atlases.get(strapi);
  if (!cache) atlases.set(strapi, (cache = new Map()));
  const known = cache.get(locale);
  if (known && known.version === version) return known.atlas;
  const entry = {
    version,
    atlas: (async () => {
      const before = known ? await known.atlas.catch(() => null) : null;
      return (before && (await patchAtlas(strapi, before, version))) || buildAtlas(strapi, locale, version);
    })(),
  };
  cache.delete(locale);
  cache.set(locale, entry);
  entry.atlas.catch(() => {
    if (cache.get(locale) === entry) cache.delete(locale);
  });
  while (cache.size > LOCALES_KEPT) cache.delete(cache.keys().next().value!);
  return entry.atlas;
}

/**
 * One pass over the atlas: calls `matched(i)` for every organisation the filters keep, in order,
 * and when `counts` is given, adds 1 to `counts[facet][value]` for each value of an organisation
 * that matches every filter but that facet's (the list choosing that value would have it).
 */
function scan(
  atlas: LocaleAtlas,
  filters: Filters,
  matched: (entry: Entry) => void,
  counts?: Record<FacetName, Int32Array>,
) {
  const wanted: { facet: FacetName; value: number }[] = [];
  for (const facet of FACETS) {
    const value = filters[facet];
    // A value absent from the locale matches nothing (-1).
    if (value) wanted.push({ facet, value: atlas.valueIndex[facet].get(value) ?? -1 });
  }
  for (const entry of atlas.orgs) {
    let missed = 0;
    let missedFacet: FacetName | null = null;
    for (const { facet, value } of wanted) {
      if (!entry.values[facet].includes(value)) {
        missed++;
        missedFacet = facet;
        if (missed > 1) break;
      }
    }
    if (missed === 0) {
      matched(entry);
      if (counts) for (const facet of FACETS) for (const v of entry.values[facet]) counts[facet][v]!++;
    } else if (missed === 1 && counts) for (const v of entry.values[missedFacet!]) counts[missedFacet!][v]!++;
  }
}

export async function listOrganisations(
  strapi: Core.Strapi,
  locale: string,
  filters: Filters,
  page: number,
  pageSize: number,
): Promise<ListingResult> {
  const atlas = await atlasOf(strapi, locale);
  const counts = Object.fromEntries(
    FACETS.map((facet) => [facet, new Int32Array(atlas.values[facet].length)]),
  ) as Record<FacetName, Int32Array>;
  const from = (page - 1) * pageSize;
  const ids: string[] = [];
  let total = 0;
  scan(
    atlas,
    filters,
    (entry) => {
      if (total >= from && total < from + pageSize) ids.push(entry.documentId);
      total++;
    },
    counts,
  );
  const facets = FACETS.flatMap((facet) =>
    atlas.order[facet]
      .filter((v) => atlas.present[facet][v]! > 0)
      .map((v) => ({ facet, value: atlas.values[facet][v]!, count: counts[facet][v]! })),
  );
  return { ids, total, page, pageSize, pageCount: Math.ceil(total / pageSize), facets };
}

/**
 * Every organisation the filters keep, for the map: those with coordinates, and how many have
 * none (listed and counted, but not on the map). From the same atlas as the listing.
 */
export async function placedOrganisations(
  strapi: Core.Strapi,
  locale: string,
  filters: Filters,
  atlas?: LocaleAtlas,
): Promise<{ placed: PlacedOrganisation[]; unplaced: number }> {
  const from = atlas ?? (await atlasOf(strapi, locale));
  const placed: PlacedOrganisation[] = [];
  let unplaced = 0;
  scan(from, filters, (entry) => {
    if (Number.isNaN(entry.latitude)) {
      unplaced++;
      return;
    }
    placed.push({
      documentId: entry.documentId,
      name: entry.name,
      slug: entry.slug,
      kind: entry.kind!,
      latitude: entry.latitude,
      longitude: entry.longitude,
    });
  });
  return { placed, unplaced };
}

import type { Core } from '@strapi/strapi';
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
 * How: the database gives, once per locale and content version, the published organisations of the
 * locale in its own name order with their facet values (two statements on indexes, then one to put
 * the values in the database's order); they are kept in memory as columns of small integers
 * (`LocaleAtlas`), and a request only filters and counts them in one pass (about a millisecond for
 * 10,000). Computing the counts in SQL instead meant recomputing every organisation's facet
 * values (JSON arrays, the services link) on each request: 1 to 4 s at 10,000 (docs/benchmarks.md).
 *
 * The content version (src/publishing/version.ts) moves in the transaction of every publish,
 * unpublish, update of published content and delete (the change log), so each replica rebuilds
 * its copy from the commit of a change on: a request never sees content older than what was
 * committed before it started. The map (../graphql/map.ts) reads the same copy.
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

/**
 * The published organisations of a locale, in the database's `ORDER BY name, document_id`, as
 * columns (index i = the i-th organisation). The facet values of organisation i are the indexes
 * `list[start[i]] … list[start[i + 1] - 1]` into `values[facet]` (distinct, in the database's order).
 */
export interface LocaleAtlas {
  version: string;
  size: number;
  documentIds: string[];
  names: string[];
  slugs: string[];
  kinds: (string | null)[];
  /** NaN: no coordinates. */
  latitudes: Float64Array;
  longitudes: Float64Array;
  values: Record<FacetName, string[]>;
  valueIndex: Record<FacetName, Map<string, number>>;
  links: Record<FacetName, { start: Int32Array; list: Int32Array }>;
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

async function buildAtlas(strapi: Core.Strapi, locale: string, version: string): Promise<LocaleAtlas> {
  const t = tables(strapi);
  const db = strapi.db.connection;
  // organisations_listing_idx (src/database/constraints.ts) gives these rows in this order.
  const rows: Row[] = await db(t.organisations)
    .select('id', 'document_id', 'name', 'slug', 'country', 'kind', 'roles', 'latitude', 'longitude')
    .where('locale', locale)
    .whereNotNull('published_at')
    .orderBy([
      { column: 'name', order: 'asc' },
      { column: 'document_id', order: 'asc' },
    ]);
  const services: Array<{ organisation: number | string; theme: string }> = await db(`${t.link} as l`)
    .join(`${t.organisations} as o`, 'o.id', `l.${t.linkOrganisation}`)
    .join(`${t.themes} as th`, 'th.id', `l.${t.linkTheme}`)
    .where('o.locale', locale)
    .whereNotNull('o.published_at')
    .whereNotNull('th.published_at')
    .select({ organisation: `l.${t.linkOrganisation}`, theme: 'th.document_id' });
  const servicesOf = new Map<number, string[]>();
  for (const { organisation, theme } of services) {
    const id = Number(organisation);
    const list = servicesOf.get(id);
    if (list) list.push(theme);
    else servicesOf.set(id, [theme]);
  }

  const size = rows.length;
  const raw: Record<FacetName, string[][]> = { country: [], kind: [], role: [], service: [] };
  const distinct = (list: (string | null)[]) => [...new Set(list.filter((v): v is string => v != null))];
  const atlas: LocaleAtlas = {
    version,
    size,
    documentIds: new Array(size),
    names: new Array(size),
    slugs: new Array(size),
    kinds: new Array(size),
    latitudes: new Float64Array(size),
    longitudes: new Float64Array(size),
    values: { country: [], kind: [], role: [], service: [] },
    valueIndex: { country: new Map(), kind: new Map(), role: new Map(), service: new Map() },
    links: {} as LocaleAtlas['links'],
  };
  rows.forEach((row, i) => {
    const kind = row.kind == null ? null : row.kind.replace(/-/g, '_');
    atlas.documentIds[i] = row.document_id;
    atlas.names[i] = row.name;
    atlas.slugs[i] = row.slug;
    atlas.kinds[i] = kind;
    atlas.latitudes[i] = row.latitude == null || row.longitude == null ? NaN : Number(row.latitude);
    atlas.longitudes[i] = row.latitude == null || row.longitude == null ? NaN : Number(row.longitude);
    raw.country[i] = distinct([row.country]);
    raw.kind[i] = distinct([kind]);
    raw.role[i] = distinct(roleStrings(row.roles));
    raw.service[i] = distinct(servicesOf.get(Number(row.id)) ?? []);
  });

  // Every value present, in the order the database sorts text (its collation), as the SQL did.
  const present = [...new Set(FACETS.flatMap((facet) => raw[facet].flat()))];
  const sorted = present.length
    ? rowsOf<{ v: string }>(
        await db.raw(
          `SELECT column1 AS v FROM (VALUES ${present.map(() => '(CAST(? AS TEXT))').join(', ')}) AS t ORDER BY column1`,
          present,
        ),
      ).map((row) => row.v)
    : [];
  const rank = new Map(sorted.map((v, i) => [v, i]));
  for (const facet of FACETS) {
    const values = distinct(raw[facet].flat()).sort((a, b) => rank.get(a)! - rank.get(b)!);
    atlas.values[facet] = values;
    values.forEach((v, i) => atlas.valueIndex[facet].set(v, i));
    const start = new Int32Array(size + 1);
    const list: number[] = [];
    for (let i = 0; i < size; i++) {
      start[i] = list.length;
      for (const v of raw[facet][i]!) list.push(atlas.valueIndex[facet].get(v)!);
    }
    start[size] = list.length;
    atlas.links[facet] = { start, list: Int32Array.from(list) };
  }
  return atlas;
}

const LOCALES_KEPT = 16;
const atlases = new WeakMap<Core.Strapi, Map<string, { version: string; atlas: Promise<LocaleAtlas> }>>();

/**
 * The atlas of a locale at the current content version: the copy in memory when its version is
 * current, else one built now (requests arriving meanwhile share the build).
 */
export async function atlasOf(strapi: Core.Strapi, locale: string): Promise<LocaleAtlas> {
  const version = await contentVersion(strapi);
  let cache = atlases.get(strapi);
  if (!cache) atlases.set(strapi, (cache = new Map()));
  const known = cache.get(locale);
  if (known && known.version === version) return known.atlas;
  const entry = { version, atlas: buildAtlas(strapi, locale, version) };
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
  matched: (i: number) => void,
  counts?: Record<FacetName, Int32Array>,
) {
  const wanted: { facet: FacetName; value: number }[] = [];
  for (const facet of FACETS) {
    const value = filters[facet];
    // A value absent from the locale matches nothing (-1).
    if (value) wanted.push({ facet, value: atlas.valueIndex[facet].get(value) ?? -1 });
  }
  const has = (facet: FacetName, i: number, value: number) => {
    const { start, list } = atlas.links[facet];
    for (let k = start[i]!; k < start[i + 1]!; k++) if (list[k] === value) return true;
    return false;
  };
  const add = (facet: FacetName, i: number) => {
    const { start, list } = atlas.links[facet];
    const into = counts![facet];
    for (let k = start[i]!; k < start[i + 1]!; k++) into[list[k]!]!++;
  };
  for (let i = 0; i < atlas.size; i++) {
    let missed = 0;
    let missedFacet: FacetName | null = null;
    for (const { facet, value } of wanted) {
      if (!has(facet, i, value)) {
        missed++;
        missedFacet = facet;
        if (missed > 1) break;
      }
    }
    if (missed === 0) {
      matched(i);
      if (counts) for (const facet of FACETS) add(facet, i);
    } else if (missed === 1 && counts) add(missedFacet!, i);
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
    (i) => {
      if (total >= from && total < from + pageSize) ids.push(atlas.documentIds[i]!);
      total++;
    },
    counts,
  );
  const facets = FACETS.flatMap((facet) =>
    atlas.values[facet].map((value, v) => ({ facet, value, count: counts[facet][v]! })),
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
  scan(from, filters, (i) => {
    const latitude = from.latitudes[i]!;
    if (Number.isNaN(latitude)) {
      unplaced++;
      return;
    }
    placed.push({
      documentId: from.documentIds[i]!,
      name: from.names[i]!,
      slug: from.slugs[i]!,
      kind: from.kinds[i]!,
      latitude,
      longitude: from.longitudes[i]!,
    });
  });
  return { placed, unplaced };
}

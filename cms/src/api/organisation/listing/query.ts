import type { Core } from '@strapi/strapi';

/**
 * The Atlas's listing in SQL: one page of the published organisations of a locale (by name, then
 * documentId) and the count of every facet value, computed by the database in three statements
 * whatever the number of organisations (the previous version loaded every organisation of the
 * locale into the CMS and counted in JavaScript).
 *
 * Facet values of an organisation (`fv`): its country, its kind (as the GraphQL enum writes it,
 * `social_enterprise`), each string of its `roles` JSON array, the documentId of each published
 * theme it links as a service. A filter keeps the organisations having that value; the count of a
 * value is the number of organisations having it among those matching every *other* filter; every
 * value present in the locale is listed, with 0 when the other filters exclude it.
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

/** The `roles` strings of each organisation of `o`, per dialect (a JSON column: text in SQLite, jsonb in PostgreSQL). */
function rolesSelect(postgres: boolean): string {
  return postgres
    ? `SELECT o.id, 'role' AS facet, r.v #>> '{}' AS value FROM o
         CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(o.roles::jsonb) = 'array' THEN o.roles::jsonb ELSE '[]'::jsonb END) AS r(v)
         WHERE jsonb_typeof(r.v) = 'string'`
    : `SELECT o.id, 'role' AS facet, r.value AS value FROM o, json_each(CASE WHEN json_valid(o.roles) AND json_type(o.roles) = 'array' THEN o.roles ELSE '[]' END) AS r
         WHERE r.type = 'text'`;
}

/**
 * The common table expressions: `o` (the published organisations of the locale), `fv` (their
 * facet values, without duplicates) and `m` (per organisation, 1 or 0 per facet: whether it
 * matches that facet's filter; 1 when the facet is not filtered).
 */
function withClause(t: Tables, postgres: boolean, filters: Filters) {
  const bindings: unknown[] = [];
  const sql = [
    `WITH o AS (SELECT id, document_id, name, country, kind, roles FROM ${t.organisations} WHERE locale = ? AND published_at IS NOT NULL),`,
    `fv AS (`,
    `  SELECT id, 'country' AS facet, country AS value FROM o WHERE country IS NOT NULL`,
    `  UNION SELECT id, 'kind', REPLACE(kind, '-', '_') FROM o WHERE kind IS NOT NULL`,
    `  UNION ${rolesSelect(postgres)}`,
    `  UNION SELECT l.${t.linkOrganisation}, 'service', th.document_id FROM ${t.link} l`,
    `    JOIN o ON o.id = l.${t.linkOrganisation}`,
    `    JOIN ${t.themes} th ON th.id = l.${t.linkTheme} AND th.published_at IS NOT NULL`,
    `),`,
  ];
  const columns: string[] = [];
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value) {
      columns.push(`MAX(CASE WHEN fv.facet = '${facet}' AND fv.value = ? THEN 1 ELSE 0 END) AS m_${facet}`);
      bindings.push(value);
    } else {
      columns.push(`1 AS m_${facet}`);
    }
  }
  sql.push(
    `m AS (SELECT o.id, o.document_id, o.name, ${columns.join(', ')}`,
    `  FROM o LEFT JOIN fv ON fv.id = o.id GROUP BY o.id, o.document_id, o.name)`,
  );
  return { sql: sql.join('\n'), bindings };
}

const ALL = FACETS.map((f) => `m.m_${f}`).join(' + ');
const OTHERS = (facet: FacetName) =>
  FACETS.filter((f) => f !== facet)
    .map((f) => `m.m_${f}`)
    .join(' + ');

/** Rows of knex.raw: an array in SQLite, `{ rows }` in PostgreSQL. */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

export async function listOrganisations(
  strapi: Core.Strapi,
  locale: string,
  filters: Filters,
  page: number,
  pageSize: number,
): Promise<ListingResult> {
  const postgres = strapi.db.dialect.client === 'postgres';
  const t = tables(strapi);
  const db = strapi.db.connection;
  const head = withClause(t, postgres, filters);
  const base = [locale, ...head.bindings];

  const facetRows = rowsOf<{ facet: FacetName; value: string; count: number | string }>(
    await db.raw(
      `${head.sql}
       SELECT fv.facet, fv.value, SUM(CASE
         ${FACETS.map((f) => `WHEN fv.facet = '${f}' THEN CASE WHEN ${OTHERS(f)} = ${FACETS.length - 1} THEN 1 ELSE 0 END`).join('\n         ')}
         ELSE 0 END) AS count
       FROM fv JOIN m ON m.id = fv.id
       GROUP BY fv.facet, fv.value
       ORDER BY fv.facet, fv.value`,
      base,
    ),
  );
  const total = Number(
    rowsOf<{ total: number | string }>(
      await db.raw(`${head.sql} SELECT COUNT(*) AS total FROM m WHERE ${ALL} = ${FACETS.length}`, base),
    )[0]?.total ?? 0,
  );
  const ids =
    (page - 1) * pageSize < total
      ? rowsOf<{ document_id: string }>(
          await db.raw(
            `${head.sql} SELECT m.document_id FROM m WHERE ${ALL} = ${FACETS.length}
             ORDER BY m.name ASC, m.document_id ASC LIMIT ? OFFSET ?`,
            [...base, pageSize, (page - 1) * pageSize],
          ),
        ).map((row) => row.document_id)
      : [];
  const order = new Map(FACETS.map((f, i) => [f, i]));
  const facets = facetRows
    .map((row) => ({ facet: row.facet, value: String(row.value), count: Number(row.count) }))
    .sort((a, b) => order.get(a.facet)! - order.get(b.facet)!);
  return { ids, total, page, pageSize, pageCount: Math.ceil(total / pageSize), facets };
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
 * Every organisation the filters keep, for the map: those with coordinates, and how many have
 * none (listed and counted, but not on the map). One statement on the same CTEs as the listing.
 */
export async function placedOrganisations(
  strapi: Core.Strapi,
  locale: string,
  filters: Filters,
): Promise<{ placed: PlacedOrganisation[]; unplaced: number }> {
  const postgres = strapi.db.dialect.client === 'postgres';
  const t = tables(strapi);
  const head = withClause(t, postgres, filters);
  const rows = rowsOf<{
    document_id: string;
    name: string;
    slug: string;
    kind: string;
    latitude: number | string | null;
    longitude: number | string | null;
  }>(
    await strapi.db.connection.raw(
      `${head.sql} SELECT m.document_id, m.name, org.slug, REPLACE(org.kind, '-', '_') AS kind, org.latitude, org.longitude
       FROM m JOIN ${t.organisations} org ON org.id = m.id
       WHERE ${ALL} = ${FACETS.length}
       ORDER BY m.name ASC, m.document_id ASC`,
      [locale, ...head.bindings],
    ),
  );
  const placed: PlacedOrganisation[] = [];
  let unplaced = 0;
  for (const row of rows) {
    if (row.latitude == null || row.longitude == null) {
      unplaced++;
      continue;
    }
    placed.push({
      documentId: row.document_id,
      name: row.name,
      slug: row.slug,
      kind: row.kind,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
    });
  }
  return { placed, unplaced };
}

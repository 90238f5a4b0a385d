import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../koa';
import { CHANGES_TABLE } from './tables';

/**
 * The version of the public content, from the change log (log.ts writes a row, in the transaction
 * of the change, for every publish, update of published content, unpublish and delete). What is
 * derived from published content and kept in memory (the Atlas's listing and map, the open-data
 * files) is rebuilt when this has moved: from the commit of a change on, on every replica.
 *
 * Not the highest row id alone: ids are taken at insert, not at commit, so on PostgreSQL a change
 * with id 11 may commit after one with id 12, and a copy built at "12" would never see it. The
 * version is the highest `seq` (given only to committed rows, in commit order: sequence.ts) with
 * the ids of the committed rows still waiting for theirs (few, found by a partial index): every
 * commit adds an id to that list, and sequencing moves it into a higher `seq`, so the version
 * changes with every committed change. Two indexed lookups, one statement.
 */
export async function contentVersion(strapi: Core.Strapi): Promise<string> {
  const result: unknown = await strapi.db.connection.raw(
    `SELECT 0 AS pending, MAX(seq) AS n FROM ${CHANGES_TABLE}
     UNION ALL SELECT 1, id FROM ${CHANGES_TABLE} WHERE seq IS NULL`,
  );
  type Row = { pending: number | string; n: number | string | null };
  const rows: Row[] = Array.isArray(result) ? result : ((result as { rows: Row[] }).rows ?? []);
  const top = rows.find((row) => Number(row.pending) === 0)?.n ?? 0;
  const pending = rows.filter((row) => Number(row.pending) === 1).map((row) => Number(row.n));
  return [Number(top), ...pending.sort((a, b) => a - b)].join(' ');
}

/**
 * `GET /api/content-version`: `{ "version": "<contentVersion>" }`, never cached. The site's server
 * reads it once per render and keeps the CMS's query results under it (web/app/graphql/data-cache.ts):
 * a result is reused only while the version is the same, so no page is made of a result older than
 * the last committed change. Public: it tells no more than the change feed (how far the log is).
 */
export function contentVersionRoutes(strapi: Core.Strapi): Core.Router {
  return {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/content-version',
        handler: async (ctx: KoaContext) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { version: await contentVersion(strapi) };
        },
        config: { auth: false },
      },
    ],
  };
}

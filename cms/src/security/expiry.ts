import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';

/**
 * Entries that leave the public lists by themselves at a date: a job offer past its
 * `publishedUntil`. Decided in one place, at the data layer, for every read of a content-API
 * request (REST, GraphQL root fields and the relations GraphQL loads, counts and pagination,
 * what REST populates, the site's `/graphql` proxy); the admin panel and the CMS's own code
 * (seed, cron, search indexing: no request) see every entry.
 *
 * - A list (any read that is not the lookup of one entry) gets open entries only: the condition
 *   `publishedUntil > now` is added to the query and to every relation it populates, whatever the
 *   query filters on (a filter on `publishedUntil` only narrows what is open), whatever the
 *   variables or their default values were (this sees the values the API computed).
 * - The lookup of one entry (by `documentId`, or a filter that is exactly `slug = …` or
 *   `documentId = …`: what the site's detail page asks) still finds an expired entry, so that its
 *   page can say "this offer has expired"; GraphQL's `isExpired` tells it, and the contact fields
 *   (`applyUrl`, `applyEmail`) of an expired entry are withheld (null) in every answer.
 */
export const JOB_OFFER = 'api::job-offer.job-offer';

/** The expiring types: uid → its expiry attribute, and the fields withheld once it has passed. */
export const EXPIRING: Record<string, { until: string; withheld: string[] }> = {
  [JOB_OFFER]: { until: 'publishedUntil', withheld: ['applyUrl', 'applyEmail'] },
};

type Row = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Row =>
  value !== null &&
  typeof value === 'object' &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** Whether the current request reads the public view (open entries only): any request but the admin panel's. */
export function readsOpenOnly(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get();
  if (!ctx) return false;
  return ctx.state?.route?.info?.type !== 'admin';
}

export function isExpired(uid: string, row: Row | null | undefined, now = new Date()): boolean {
  const rule = EXPIRING[uid];
  if (!rule || !row) return false;
  const until = row[rule.until];
  if (until == null) return false;
  const time = new Date(until as string).getTime();
  return Number.isFinite(time) && time <= now.getTime();
}

/** `x`, `{ $eq: x }`: one value, exactly. */
const exactly = (value: unknown) =>
  typeof value === 'string' ||
  (isPlainObject(value) && Object.keys(value).length === 1 && typeof value.$eq === 'string');

/**
 * A `where` that looks up one entry: its documentId or its slug, exactly, and nothing else but
 * the locale and publication state the Document Service adds.
 */
export function isSingleLookup(where: unknown): boolean {
  if (!isPlainObject(where)) return false;
  const keys = Object.keys(where).filter((key) => key !== 'locale' && key !== 'publishedAt');
  return keys.length === 1 && (keys[0] === 'documentId' || keys[0] === 'slug') && exactly(where[keys[0]]);
}

/**
 * The relations of entries already found (`load`, src/graphql/batch-relations.ts): by primary key
 * only, selecting only the key, populating. An expired offer found by its lookup still shows its
 * organisation and job sheet; the public APIs never write such a query (they select by documentId,
 * always with a locale).
 */
export function isRelationLoad(params: Row): boolean {
  const { where, select, populate } = params;
  return (
    isPlainObject(where) &&
    Object.keys(where).length === 1 &&
    'id' in where &&
    Array.isArray(select) &&
    select.length === 1 &&
    select[0] === 'id' &&
    populate != null
  );
}

/**
 * GraphQL's batched relation loads (src/graphql/batch-relations.ts) run inside this: they read the
 * relations of entries already found (an expired offer's organisation, job sheet, localizations),
 * by primary key or documentId. What they populate (an organisation's `jobOffers`) stays open only.
 */
const relationLoads = new AsyncLocalStorage<true>();
export const asRelationLoad = <T>(load: () => Promise<T>): Promise<T> => relationLoads.run(true, load);

type Filters = ((args: { meta: { uid: string } }) => unknown) | Row | null | undefined;
const OPEN_ROWS = Symbol('open rows only');

/** The `filters` of a query or populate, with the open-only condition on every expiring table it reaches. */
function openRowsOnly(existing: Filters): Filters {
  if (typeof existing === 'function' && (existing as { [OPEN_ROWS]?: boolean })[OPEN_ROWS]) return existing;
  const filters = (args: { meta: { uid: string } }) => {
    const before = typeof existing === 'function' ? existing(args) : existing;
    const rule = EXPIRING[args.meta.uid];
    const open = rule ? { [rule.until]: { $gt: new Date() } } : null;
    const conditions = [before, open].filter((c) => isPlainObject(c) && Object.keys(c).length > 0);
    return conditions.length > 1 ? { $and: conditions } : (conditions[0] ?? {});
  };
  return Object.assign(filters, { [OPEN_ROWS]: true });
}

/** The relation attributes of a model (what `populate: '*'` or `true` means). */
function relationNames(strapi: Core.Strapi, uid: string): string[] {
  const meta = strapi.db.metadata.get(uid as UID.Schema);
  return Object.entries(meta?.attributes ?? {})
    .filter(([, attribute]) => (attribute as { type?: string }).type === 'relation')
    .map(([name]) => name);
}

/**
 * A populate tree in which every relation carries explicit filters (its own, else the ones it
 * would inherit) with the open-only condition: a populated expiring relation lists open entries.
 */
function populateOpenOnly(strapi: Core.Strapi, uid: string, populate: unknown, inherited: Filters): unknown {
  let tree: Row;
  if (populate === '*' || populate === true)
    tree = Object.fromEntries(relationNames(strapi, uid).map((n) => [n, true]));
  else if (Array.isArray(populate)) tree = Object.fromEntries(populate.map((n) => [String(n), true]));
  else if (typeof populate === 'string') tree = Object.fromEntries(populate.split(',').map((n) => [n.trim(), true]));
  else if (isPlainObject(populate)) tree = populate;
  else return populate;
  const meta = strapi.db.metadata.get(uid as UID.Schema);
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => {
      const attribute = meta?.attributes?.[key] as { type?: string; target?: string } | undefined;
      if (attribute?.type !== 'relation' || !attribute.target || value === false) return [key, value];
      const own: Row = isPlainObject(value) ? { ...value } : {};
      own.filters = openRowsOnly((own.filters as Filters) ?? inherited);
      if (own.populate != null)
        own.populate = populateOpenOnly(strapi, attribute.target, own.populate, own.filters as Filters);
      return [key, own];
    }),
  );
}

/** A read request: REST's GET, or GraphQL (whose writes of these types are the CMS's tokens' and use no published copy). */
function isRead(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get();
  return ctx?.method === 'GET' || ctx?.path === strapi.plugin('graphql').config('endpoint');
}

/** The database lifecycles: every read of a public request, whatever called it. */
export function openOnlyReads(strapi: Core.Strapi) {
  const restrict = (event: { model: { uid: string }; params?: Row }) => {
    if (!event.params || !readsOpenOnly(strapi)) return;
    const uid = event.model.uid;
    const inherited = event.params.filters as Filters;
    const ownRows =
      isSingleLookup(event.params.where) || isRelationLoad(event.params) || relationLoads.getStore() === true;
    if (EXPIRING[uid] && !ownRows) event.params.filters = openRowsOnly(inherited);
    if (event.params.populate != null)
      event.params.populate = populateOpenOnly(strapi, uid, event.params.populate, inherited);
  };
  const withhold = (event: { model: { uid: string }; result?: unknown }) => {
    const rule = EXPIRING[event.model.uid];
    if (!rule || !readsOpenOnly(strapi) || !isRead(strapi)) return;
    const now = new Date();
    for (const row of [event.result].flat()) {
      if (!isPlainObject(row) || !isExpired(event.model.uid, row, now)) continue;
      for (const field of rule.withheld) if (field in row) row[field] = null;
    }
  };
  return {
    beforeFindOne: restrict,
    beforeFindMany: restrict,
    beforeCount: restrict,
    afterFindOne: withhold,
    afterFindMany: withhold,
  };
}

export function enforceExpiry(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe(
    openOnlyReads(strapi) as unknown as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0],
  );
}

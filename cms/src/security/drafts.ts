import type { Core, Modules, UID } from '@strapi/strapi';
import type { KoaContext } from '../koa';
import { contentTypes, errors } from '@strapi/utils';

/**
 * Who reads drafts, decided in one place for every read of content: REST controllers, GraphQL
 * queries (Strapi's and ours), the relations GraphQL loads one by one, what REST populates.
 *
 * - The CMS's own code (seed, bootstrap, lifecycles, cron: no request) and editors in the admin
 *   panel (admin routes) read as Strapi lets them.
 * - A full-access API token reads drafts when it asks for them (REST `?status=draft`, GraphQL
 *   `status: DRAFT`): editors' tools, and the site's preview, which reads drafts server-side with
 *   such a token. `requestMayReadDrafts` is that decision, and the only one.
 * - Every other request (the public role, a users-permissions login, a read-only or custom API
 *   token, any route that is not the admin's) reads published content only.
 *
 * For the latter, two hooks hold the rule, both at the data layer, below every API:
 * - a Document Service middleware (the reads of REST, GraphQL root fields and custom resolvers)
 *   refuses what asks for drafts by name (a status other than published, a publication filter, a
 *   filter or sort on `localizations`, `publishedAt`), wherever it is written (query text,
 *   variable, variable default: it sees the values the API computed), and sets the status to
 *   published, which Strapi turns into "published rows only" on every table the query reaches,
 *   populated relations included;
 * - a database lifecycle on every read (findOne, findMany, count: also what GraphQL relation
 *   fields load with `strapi.db.query(uid).load`, which no document middleware sees) adds that same
 *   condition to the query and all it populates, and refuses a filter or sort that reaches draft
 *   rows (`localizations` joins every row of the document, drafts included).
 */

/** The content API's token strategy (Strapi 5.54: admin's `strategies/content-api-token.js`; `api-token` before). */
export const API_TOKEN_STRATEGY = 'content-api-token';

/** Fields that join or tell apart draft rows: filters and sorts on them are not public. */
const DRAFT_FIELDS = new Set(['localizations', 'publishedAt', 'published_at']);
/** Document Service parameters that select by publication state (GraphQL `publicationFilter`, `hasPublishedVersion`). */
const PUBLICATION_FILTERS = ['publicationFilter', 'hasPublishedVersion'] as const;
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Whether this request may read drafts: only a full-access API token. */
export function requestMayReadDrafts(ctx: KoaContext | undefined): boolean {
  const auth = ctx?.state?.auth;
  return auth?.strategy?.name === API_TOKEN_STRATEGY && auth?.credentials?.type === 'full-access';
}

/** Whether the current request reads published content only (see above). */
export function readsPublishedOnly(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get();
  if (!ctx) return false;
  if (ctx.state?.route?.info?.type === 'admin') return false;
  return !requestMayReadDrafts(ctx);
}

/**
 * A 403 that says why (REST answers a plain ForbiddenError with a bare "Forbidden"; a PolicyError
 * keeps its message there, and GraphQL reports it as FORBIDDEN).
 */
export function refusal(field: string, message?: string) {
  return new errors.PolicyError(
    message ??
      `Filtering or sorting on "${field}" is not available through the public API: it would reach unpublished content.`,
    { field },
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** The condition Strapi itself writes for published rows (the status lookup, GraphQL relation defaults). */
const isPublishedCondition = (value: unknown) =>
  isPlainObject(value) && Object.keys(value).length === 1 && (value.$notNull === true || value.$notNull === 'true');

/**
 * The first draft field a filter tree (a `where`) names, at any depth: under relations,
 * `$and`/`$or`/`$not`. With `allowPublished`, the published-only condition itself passes.
 */
export function draftFieldInFilters(filters: unknown, allowPublished = false): string | null {
  if (Array.isArray(filters)) {
    for (const item of filters) {
      const found = draftFieldInFilters(item, allowPublished);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(filters)) return null;
  for (const [key, value] of Object.entries(filters)) {
    if (DRAFT_FIELDS.has(key) && !(allowPublished && key === 'publishedAt' && isPublishedCondition(value))) return key;
    const found = draftFieldInFilters(value, allowPublished);
    if (found) return found;
  }
  return null;
}

/** The first draft field a sort names: `publishedAt:desc`, `jobSheets.publishedAt`, `{ publishedAt: 'asc' }`, arrays of those. */
export function draftFieldInSort(sort: unknown): string | null {
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      for (const segment of part.split(':')[0].split('.')) if (DRAFT_FIELDS.has(segment.trim())) return segment.trim();
    }
    return null;
  }
  if (Array.isArray(sort)) {
    for (const item of sort) {
      const found = draftFieldInSort(item);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(sort)) return null;
  for (const [key, value] of Object.entries(sort)) {
    if (DRAFT_FIELDS.has(key)) return key;
    const found = draftFieldInSort(value);
    if (found) return found;
  }
  return null;
}

/**
 * A query's filters and sorts, and those of everything it populates, recursively. Document
 * Service queries say `filters`/`sort`, database queries `where`/`orderBy`.
 */
function draftFieldInQuery(query: unknown, allowPublished: boolean): string | null {
  if (!isPlainObject(query)) return null;
  const found =
    draftFieldInFilters(query.filters, allowPublished) ??
    draftFieldInFilters(query.where, allowPublished) ??
    draftFieldInSort(query.sort) ??
    draftFieldInSort(query.orderBy);
  if (found) return found;
  for (const nested of [query.populate, query.on]) {
    if (!isPlainObject(nested)) continue;
    for (const value of Object.values(nested)) {
      const inner = draftFieldInQuery(value, allowPublished);
      if (inner) return inner;
    }
  }
  return null;
}

/** Refuses what asks for drafts; the read then gets published content only (Strapi cascades the status to populated relations). */
export function publishedOnlyDocuments(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!READS.has(context.action) || !readsPublishedOnly(strapi)) return next();
    // Strapi types the params per action; a read's are a plain object of query parameters.
    const params = (context.params ?? {}) as Record<string, unknown>;
    if (params.status != null && params.status !== '' && params.status !== 'published') {
      throw refusal(
        'status',
        `Drafts are not available through the public API: ask for published content (status "${String(params.status)}" is refused).`,
      );
    }
    for (const name of PUBLICATION_FILTERS) {
      if (params[name] != null) {
        throw refusal(
          name,
          `Publication filters (publicationFilter, hasPublishedVersion) are not available through the public API: "${name}" is refused.`,
        );
      }
    }
    const field = draftFieldInQuery(params, false);
    if (field) throw refusal(field);
    context.params = { ...params, status: 'published' } as typeof context.params;
    return next();
  };
}

/** Strapi's own query-layer condition for the status `published`: applied to the query's table and every table it populates. */
const PUBLISHED_ROWS = Symbol('published rows only');
function publishedRowsOnly(strapi: Core.Strapi, existing: unknown) {
  if (typeof existing === 'function' && (existing as { [PUBLISHED_ROWS]?: boolean })[PUBLISHED_ROWS]) return existing;
  const filters = (args: { meta: { uid: string } }) => {
    const model = strapi.getModel(args.meta.uid as UID.Schema);
    const published = model && contentTypes.hasDraftAndPublish(model) ? { publishedAt: { $notNull: true } } : null;
    const before = typeof existing === 'function' ? existing(args) : existing;
    const conditions = [before, published].filter((c) => isPlainObject(c) && Object.keys(c).length > 0);
    return conditions.length > 1 ? { $and: conditions } : (conditions[0] ?? {});
  };
  return Object.assign(filters, { [PUBLISHED_ROWS]: true });
}

/** A populate tree whose own `filters` (which replace the inherited ones) keep the condition too. */
function populateWithPublishedRowsOnly(strapi: Core.Strapi, populate: unknown): unknown {
  if (!isPlainObject(populate)) return populate;
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      if (!isPlainObject(value)) return [key, value];
      const next: Record<string, unknown> = { ...value };
      if (value.filters != null) next.filters = publishedRowsOnly(strapi, value.filters);
      if (value.populate != null) next.populate = populateWithPublishedRowsOnly(strapi, value.populate);
      return [key, next];
    }),
  );
}

/** The database lifecycle: every read of the current request, whatever called it. */
export function publishedOnlyReads(strapi: Core.Strapi) {
  const restrict = (event: { params?: Record<string, unknown> }) => {
    if (!event.params || !readsPublishedOnly(strapi)) return;
    const field = draftFieldInQuery(event.params, true);
    if (field) throw refusal(field);
    event.params.filters = publishedRowsOnly(strapi, event.params.filters);
    if (event.params.populate != null)
      event.params.populate = populateWithPublishedRowsOnly(strapi, event.params.populate);
  };
  return { beforeFindOne: restrict, beforeFindMany: restrict, beforeCount: restrict };
}

export function enforcePublishedOnly(strapi: Core.Strapi) {
  strapi.documents.use(publishedOnlyDocuments(strapi));
  // Strapi's lifecycle events type `params` as its closed query Params; these handlers read and
  // rewrite them as the plain object they are.
  strapi.db.lifecycles.subscribe(
    publishedOnlyReads(strapi) as unknown as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0],
  );
}

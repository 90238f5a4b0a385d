import type { Core, UID } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { asRelationLoad } from '../security/expiry';

/**
 * Strapi's GraphQL plugin resolves every relation, media and component field of every parent
 * with its own `strapi.db.query(uid).load(parent, field, query)`: 1 + N×R SQL statements for a
 * list of N entries with R relations.
 *
 * During a GraphQL request this module turns those loads into one batched query per
 * (type, field, query): the parents' ids are collected until the current round of resolvers has
 * run, then loaded with a single `findMany` whose populate Strapi runs as one statement for all
 * parents. Pagination of the relation (limit/offset) is applied per parent afterwards, exactly as
 * `load` would have applied it to a single parent.
 *
 * Whether these loads may reach drafts is not decided here: the database lifecycle of
 * src/security/drafts.ts restricts every read of a public request, batched or not.
 */

type LoadQuery = Record<string, unknown> | undefined;
/** What this module reads of a relation attribute in Strapi's database metadata. */
type RelationAttribute = { target?: string; joinColumn?: { on?: unknown } } | undefined;

const attributeOf = (strapi: Core.Strapi, uid: string, field: string) =>
  strapi.db.metadata.get(uid as UID.Schema).attributes[field] as RelationAttribute;
type Loader = DataLoader<number, unknown>;

const loadersByRequest = new WeakMap<object, Map<string, Loader>>();
// Repositories whose `load` is already wrapped (Strapi hands out one repository per uid).
const batched = new WeakSet<object>();
let batching = true;

/** Switches batching off and on: the benchmark measures the plugin's own behaviour as its baseline. */
export function setRelationBatching(enabled: boolean) {
  batching = enabled;
}

export function installRelationBatching(strapi: Core.Strapi) {
  const endpoint: string = strapi.plugin('graphql').config('endpoint');
  const uids = [...Object.keys(strapi.contentTypes), ...Object.keys(strapi.components)];
  for (const uid of uids) {
    const repository = strapi.db.query(uid as UID.Schema);
    if (batched.has(repository)) continue;
    const originalLoad = repository.load.bind(repository);
    repository.load = async (entity, fields, populate) => {
      const ctx = strapi.requestContext.get();
      const batchable =
        batching &&
        ctx &&
        ctx.path === endpoint &&
        typeof fields === 'string' &&
        entity?.id != null &&
        !strapi.db.inTransaction();
      if (!batchable) return originalLoad(entity, fields, populate);
      return loaderFor(strapi, ctx, uid, fields as string, populate).load(Number(entity.id));
    };
    batched.add(repository);
  }
}

function loaderFor(strapi: Core.Strapi, ctx: object, uid: string, field: string, query: LoadQuery): Loader {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(ctx, loaders);
  }
  const { limit, offset, start, ...shared } = (query && typeof query === 'object' ? query : {}) as {
    limit?: number;
    offset?: number;
    start?: number;
  };
  const key = `${uid}\u0000${field}\u0000${JSON.stringify(shared)}\u0000${limit ?? ''}\u0000${offset ?? start ?? ''}`;
  let loader = loaders.get(key);
  if (!loader) {
    const load = isLocalizations(strapi, uid, field) ? loadLocalizations : loadPopulated;
    loader = new DataLoader<number, unknown>(
      async (ids) => {
        const byId = await asRelationLoad(() => load(strapi, uid, field, [...new Set(ids)], shared));
        return ids.map((id) => paginate(byId.has(id) ? byId.get(id) : null, limit, offset ?? start));
      },
      // Wait for the whole round of resolvers (they await validation and sanitising first).
      { cache: false, batchScheduleFn: (callback) => setImmediate(callback) },
    );
    loaders.set(key, loader);
  }
  return loader;
}

type BatchLoad = (
  strapi: Core.Strapi,
  uid: string,
  field: string,
  ids: number[],
  query: Record<string, unknown>,
) => Promise<Map<number, unknown>>;

/** One populate for all parents: Strapi runs it as one statement per relation. */
const loadPopulated: BatchLoad = async (strapi, uid, field, ids, query) => {
  const rows: Array<Record<string, unknown> & { id: number }> = await strapi.db.query(uid as UID.Schema).findMany({
    select: ['id'],
    where: { id: { $in: ids } },
    populate: { [field]: Object.keys(query).length > 0 ? query : true },
  });
  return new Map(rows.map((row) => [row.id, row[field]]));
};

/**
 * i18n's `localizations` are the rows sharing the parent's documentId, minus "the results
 * already loaded" (its joinColumn `on` excludes every parent of the populate). Populated for a
 * batch holding two locales of one document, each would lose the other: so the rows are loaded
 * by documentId and each parent drops only itself.
 */
const loadLocalizations: BatchLoad = async (strapi, uid, _field, ids, query) => {
  const repository = strapi.db.query(uid as UID.Schema);
  const parents: Array<{ id: number; documentId: string }> = await repository.findMany({
    select: ['id', 'documentId'],
    where: { id: { $in: ids } },
  });
  const sameDocument = { documentId: { $in: [...new Set(parents.map((p) => p.documentId))] } };
  const rows: Array<{ id: number; documentId: string }> = await repository.findMany({
    ...query,
    ...(query.select ? { select: [...new Set([...[query.select].flat(), 'id', 'documentId'])] } : {}),
    where: query.where ? { $and: [query.where, sameDocument] } : sameDocument,
  });
  return new Map(parents.map((p) => [p.id, rows.filter((row) => row.documentId === p.documentId && row.id !== p.id)]));
};

function isLocalizations(strapi: Core.Strapi, uid: string, field: string): boolean {
  const attribute = attributeOf(strapi, uid, field);
  return field === 'localizations' && attribute?.target === uid && typeof attribute?.joinColumn?.on === 'function';
}

function paginate(value: unknown, limit?: number, offset?: number) {
  if (!Array.isArray(value)) return value ?? null;
  const from = offset && offset > 0 ? offset : 0;
  return limit != null && limit >= 0 ? value.slice(from, from + limit) : value.slice(from);
}

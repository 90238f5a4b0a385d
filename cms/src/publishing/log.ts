import type { Core, Modules, UID } from '@strapi/strapi';
import type { Trx } from '../database/knex';
import { contentTypeName, publicContentTypes } from './content-types';
import { CHANGES_TABLE } from './tables';

export type ChangeAction = 'published' | 'updated' | 'unpublished' | 'deleted';

export interface Change {
  type: string;
  documentId: string;
  locale: string;
  action: ChangeAction;
  /** Other entries (`type:documentId`) whose pages now show this one and did not before. */
  related: string[];
}

/**
 * The change log's writer: a Document Service middleware around every write that can change what
 * the public sees (publish, unpublish, delete, and create/update with `status: 'published'`), for
 * every public content type, whoever writes (the admin, the content API, the seed, our code).
 *
 * The Document Service runs each action in a transaction (`wrapInTransaction` in @strapi/core's
 * document-service/common.js), but its middlewares run outside it. So this middleware opens the
 * transaction itself: the action joins it (Strapi's transactions nest through AsyncLocalStorage),
 * and so do the i18n plugin's middleware (registered later, so inside this one), which copies
 * non-localized fields to the other published locales, and the relations Strapi re-links. The
 * published rows of the document are read before and after the action in that same transaction;
 * their difference is the change, written there too: a change that rolls back leaves no row, a
 * committed one always has its row. After commit the rows are sequenced and purged (onCommit).
 *
 * - a locale whose published row appears: `published`; whose published row was replaced (publish
 *   again) or rewritten (a shared field published from another locale): `updated`; whose
 *   published row went: `unpublished`, or `deleted` when the action deletes;
 * - `related`: the entries this one links to now and did not before (its page's new neighbours:
 *   a job sheet newly linked by a module shows it). Pages that already showed the entry are found
 *   by its own tag (the site tags a page with every entry it renders).
 */
const WRITES = new Set(['publish', 'unpublish', 'delete', 'create', 'update']);

type Row = Record<string, unknown> & { id: number; locale: string | null };

type Context = Modules.Documents.Middleware.Context;
/** The parameters of the writes watched here (Strapi types them per action). */
type WriteParams = { documentId?: string; status?: string };

function mayChangePublished(context: Context): boolean {
  if (!WRITES.has(context.action)) return false;
  if (context.action === 'create' || context.action === 'update')
    return (context.params as WriteParams | undefined)?.status === 'published';
  return true;
}

async function publishedRows(strapi: Core.Strapi, trx: Trx, uid: UID.ContentType, documentId: string): Promise<Row[]> {
  const { tableName } = strapi.db.metadata.get(uid);
  return trx(tableName).where('document_id', documentId).whereNotNull('published_at').orderBy('id');
}

/** The documentIds each published row links to, as `type:documentId`, by row id. */
async function relationTargets(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  ids: number[],
): Promise<Map<number, Set<string>>> {
  const targets = new Map<number, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  if (ids.length === 0) return targets;
  const attributes = Object.entries(strapi.contentType(uid).attributes)
    // Not `localizations`: the same document in other locales, not a neighbour.
    .flatMap(([name, attribute]) =>
      name !== 'localizations' &&
      attribute.type === 'relation' &&
      'target' in attribute &&
      typeof attribute.target === 'string' &&
      attribute.target.startsWith('api::')
        ? [[name, attribute.target] as const]
        : [],
    );
  if (attributes.length === 0) return targets;
  const rows: Array<Record<string, unknown> & { id: number }> = await strapi.db.query(uid).findMany({
    where: { id: { $in: ids } },
    select: ['id'],
    populate: Object.fromEntries(attributes.map(([name]) => [name, { select: ['documentId'] }])),
  });
  for (const row of rows) {
    for (const [name, target] of attributes) {
      const value = row[name] as { documentId?: string } | Array<{ documentId?: string }> | null | undefined;
      const linked = Array.isArray(value) ? value : value ? [value] : [];
      for (const entry of linked)
        if (entry?.documentId) targets.get(row.id)!.add(`${contentTypeName(strapi, target)}:${entry.documentId}`);
    }
  }
  return targets;
}

const sameRow = (a: Row, b: Row) => JSON.stringify(a) === JSON.stringify(b);

/** The changes between the published rows of a document before and after a write. */
export function diffPublished(
  before: Row[],
  after: Row[],
  deleting: boolean,
  linksBefore: Map<number, Set<string>>,
  linksAfter: Map<number, Set<string>>,
): Array<Omit<Change, 'type' | 'documentId'>> {
  const locales = new Set([...before, ...after].map((row) => row.locale ?? ''));
  const changes: Array<Omit<Change, 'type' | 'documentId'>> = [];
  for (const locale of locales) {
    const old = before.find((row) => (row.locale ?? '') === locale);
    const now = after.find((row) => (row.locale ?? '') === locale);
    if (old && !now) changes.push({ locale, action: deleting ? 'deleted' : 'unpublished', related: [] });
    else if (now && (!old || !sameRow(old, now))) {
      const had = old ? (linksBefore.get(old.id) ?? new Set<string>()) : new Set<string>();
      const related = [...(linksAfter.get(now.id) ?? [])].filter((target) => !had.has(target)).sort();
      changes.push({ locale, action: old ? 'updated' : 'published', related });
    }
  }
  return changes;
}

export async function writeChanges(
  trx: Trx,
  type: string,
  documentId: string,
  changes: Array<Omit<Change, 'type' | 'documentId'>>,
  at = Date.now(),
) {
  if (changes.length === 0) return;
  await trx(CHANGES_TABLE).insert(
    changes.map((change) => ({
      type,
      document_id: documentId,
      locale: change.locale,
      action: change.action,
      at,
      related: change.related.length ? change.related.join(' ') : null,
    })),
  );
}

export function changeLogMiddleware(
  strapi: Core.Strapi,
  afterCommit: () => void,
): Modules.Documents.Middleware.Middleware {
  let tracked: Set<string> | undefined;
  return async (context, next) => {
    tracked ??= new Set(publicContentTypes(strapi));
    if (!tracked.has(context.uid) || !mayChangePublished(context)) return next();
    return strapi.db.transaction(async ({ trx, onCommit }) => {
      const documentId = (context.params as WriteParams | undefined)?.documentId;
      const before = documentId ? await publishedRows(strapi, trx, context.uid, documentId) : [];
      const linksBefore = await relationTargets(
        strapi,
        context.uid,
        before.map((row) => row.id),
      );
      const result = await next();
      const id =
        documentId ??
        (result && typeof result === 'object' && 'documentId' in result ? String(result.documentId) : undefined);
      if (!id) return result;
      const after = await publishedRows(strapi, trx, context.uid, id);
      const linksAfter = await relationTargets(
        strapi,
        context.uid,
        after.filter((row) => !before.some((old) => old.id === row.id)).map((row) => row.id),
      );
      const changes = diffPublished(before, after, context.action === 'delete', linksBefore, linksAfter);
      if (changes.length > 0) {
        await writeChanges(trx, contentTypeName(strapi, context.uid), id, changes);
        onCommit(afterCommit);
      }
      return result;
    });
  };
}

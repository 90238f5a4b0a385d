import type { Core } from '@strapi/strapi';
import { GraphQLError } from 'graphql';
import type { ExtensionContext } from '../graphql/extension';
import { GRAPHQL_LIMITS } from '../graphql/limits';
import { CHANGES_TABLE } from './tables';

/**
 * `contentChanges`: what changed in the published content, for partners who keep a copy. Public:
 * it tells only what was public (an entry, in a locale, was published, updated, unpublished or
 * deleted, and when), never what a draft holds.
 *
 * Ordered by `seq` (given after commit, see sequence.ts) and paged by keyset: `nextCursor` is the
 * opaque position after the page; asking again with `after: nextCursor` gives what came since,
 * never an item twice, never one skipped, however many editors publish meanwhile. `since` starts
 * from a time instead (the first pull). An empty page gives back a cursor to poll with.
 */
/** A page counts `limit` items in the partners' query cost (src/graphql/limits.ts). */
export const FEED_LIMIT = { default: 100, max: GRAPHQL_LIMITS.maxLimitArgument } as const;
const CURSOR_PREFIX = 'seq:';

export const encodeCursor = (seq: number) => Buffer.from(`${CURSOR_PREFIX}${seq}`).toString('base64url');

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const seq = Number(text.slice(CURSOR_PREFIX.length));
  return Number.isSafeInteger(seq) && seq >= 0 && encodeCursor(seq) === cursor ? seq : null;
}

function badInput(message: string, field: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export default function contentChangesFeed(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.enumType({
        name: 'ContentChangeAction',
        description:
          'published: became public in this locale; updated: its public version changed; unpublished / deleted: no longer public.',
        members: ['published', 'updated', 'unpublished', 'deleted'],
      }),
      nexus.objectType({
        name: 'ContentChange',
        definition(t) {
          t.nonNull.string('type', {
            description:
              "The entry's type as named in this API: module, jobSheet, interview, organisation, trainingSession, webinar, competence, theme, audience, home, site, jobOffer, trainerKit, trainersCorner.",
          });
          t.nonNull.id('documentId');
          t.nonNull.string('locale');
          t.nonNull.field('action', { type: 'ContentChangeAction' });
          t.nonNull.field('at', { type: 'DateTime', description: 'When the change was made.' });
        },
      }),
      nexus.objectType({
        name: 'ContentChangePage',
        definition(t) {
          t.nonNull.list.nonNull.field('items', { type: 'ContentChange' });
          t.nonNull.string('nextCursor', {
            description: 'Pass as `after` to get what comes next (also when this page is empty: poll with it).',
          });
          t.nonNull.boolean('hasMore', { description: 'Whether more changes wait right now (ask again at once).' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('contentChanges', {
            type: 'ContentChangePage',
            description:
              'Changes of the published content (publish, update, unpublish, delete; per locale), oldest first, kept 90 days at least. ' +
              "Start with `since` (or nothing: from the oldest kept), then pass each page's `nextCursor` as `after`: " +
              `no change is ever skipped or repeated. limit: ${FEED_LIMIT.default} by default, ${FEED_LIMIT.max} at most.`,
            args: {
              since: nexus.arg({ type: 'DateTime' }),
              after: nexus.stringArg(),
              limit: nexus.intArg({ default: FEED_LIMIT.default }),
            },
            async resolve(
              _parent: unknown,
              args: { since?: string | null; after?: string | null; limit?: number | null },
            ) {
              const limit = args.limit ?? FEED_LIMIT.default;
              if (!Number.isInteger(limit) || limit < 1 || limit > FEED_LIMIT.max)
                throw badInput(`limit must be between 1 and ${FEED_LIMIT.max}.`, 'limit');
              let after = 0;
              if (args.after != null) {
                const decoded = decodeCursor(args.after);
                if (decoded === null) throw badInput('after is not a cursor this API gave.', 'after');
                after = decoded;
              }
              let since: number | null = null;
              if (args.since != null) {
                since = new Date(args.since).getTime();
                if (Number.isNaN(since)) throw badInput('since must be a date and time (ISO 8601).', 'since');
              }
              const db = strapi.db.connection;
              // The end of the log as it stands, read first: the page holds only rows up to it, so an
              // empty page may answer with it (rows sequenced meanwhile come after it).
              const [{ head }] = await db(CHANGES_TABLE).max({ head: 'seq' });
              const end = Number(head ?? 0);
              const query = db(CHANGES_TABLE)
                .select('seq', 'type', 'document_id', 'locale', 'action', 'at')
                .whereNotNull('seq')
                .andWhere('seq', '>', after)
                .andWhere('seq', '<=', end)
                .orderBy('seq')
                .limit(limit + 1);
              if (since !== null) query.andWhere('at', '>=', since);
              const rows: Array<{
                seq: number | string;
                type: string;
                document_id: string;
                locale: string;
                action: string;
                at: number | string;
              }> = await query;
              const page = rows.slice(0, limit);
              const hasMore = rows.length > limit;
              const last = hasMore ? Number(page[page.length - 1].seq) : Math.max(end, after);
              return {
                items: page.map((row) => ({
                  type: row.type,
                  documentId: row.document_id,
                  locale: row.locale,
                  action: row.action,
                  at: new Date(Number(row.at)),
                })),
                nextCursor: encodeCursor(last),
                hasMore,
              };
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.contentChanges': { auth: false },
    },
  });
}

import type { Core } from '@strapi/strapi';
import { refusal } from '../../security/drafts';

/**
 * A webinar's join link (`joinUrl`) is public only until the webinar ends: after `endsAt` a reader
 * or partner gets `null`, whichever way they ask (REST, GraphQL root fields, `localizations`, the
 * relation loads GraphQL batches). The rule sits in a database lifecycle on every read of the
 * webinar table, below every API, as the draft rule does (src/security/drafts.ts):
 *
 * - after a read, every webinar row of the result (and the webinar rows it populates, such as its
 *   `localizations`) whose end has passed, or whose end was not read, loses its join link;
 * - before a read, a filter or sort on `joinUrl` is refused (it would tell the link of an ended
 *   webinar by its answers), and a read that selects the link also selects `endsAt`.
 *
 * The admin panel (admin routes) and the CMS's own code (no request: seed, cron) read it as stored:
 * editors keep the link they wrote.
 */
export const WEBINAR = 'api::webinar.webinar';
const JOIN_URL = 'joinUrl';

type Row = Record<string, unknown>;

/** Whether the current read is one of a reader, a partner or an API token (not the admin, not the CMS itself). */
function publicRead(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get();
  if (!ctx) return false;
  return ctx.state?.route?.info?.type !== 'admin';
}

const isObject = (value: unknown): value is Row => value !== null && typeof value === 'object';

/** Whether a webinar has ended at `now` (an unknown end counts as ended: the link stays hidden). */
export function hasEnded(endsAt: unknown, now = Date.now()): boolean {
  if (endsAt == null || endsAt === '') return true;
  const time = endsAt instanceof Date ? endsAt.getTime() : new Date(String(endsAt)).getTime();
  return !Number.isFinite(time) || time <= now;
}

/** Nulls the join link of every ended webinar row in `value` (rows, arrays, populated relations). */
export function hideEndedJoinLinks(value: unknown, now = Date.now(), seen = new Set<unknown>()): void {
  if (!isObject(value) || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) hideEndedJoinLinks(item, now, seen);
    return;
  }
  if (JOIN_URL in value && value[JOIN_URL] != null && hasEnded(value.endsAt, now)) value[JOIN_URL] = null;
  for (const nested of Object.values(value)) if (isObject(nested)) hideEndedJoinLinks(nested, now, seen);
}

/** The first place a filter or sort tree names the join link. */
function namesJoinUrl(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === 'string') return value.split(/[,.:\s]/).includes(JOIN_URL);
  if (!isObject(value) || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => namesJoinUrl(item, seen));
  return Object.entries(value).some(([key, nested]) => key === JOIN_URL || namesJoinUrl(nested, seen));
}

function queryNamesJoinUrl(params: Row): boolean {
  if ([params.where, params.filters, params.orderBy, params.sort].some((part) => namesJoinUrl(part))) return true;
  const populate = params.populate;
  if (!isObject(populate) || Array.isArray(populate)) return false;
  return Object.values(populate).some((nested) => isObject(nested) && queryNamesJoinUrl(nested));
}

export function joinLinkLifecycle(strapi: Core.Strapi) {
  const before = (event: { params?: Row }) => {
    if (!event.params || !publicRead(strapi)) return;
    if (queryNamesJoinUrl(event.params)) {
      throw refusal(
        JOIN_URL,
        'Filtering or sorting on "joinUrl" is not available through the public API: a join link is public only until its webinar ends.',
      );
    }
    const select = event.params.select;
    if (Array.isArray(select) && select.includes(JOIN_URL) && !select.includes('endsAt')) select.push('endsAt');
  };
  const after = (event: { result?: unknown }) => {
    if (publicRead(strapi)) hideEndedJoinLinks(event.result);
  };
  return {
    models: [WEBINAR],
    beforeFindOne: before,
    beforeFindMany: before,
    beforeCount: before,
    afterFindOne: after,
    afterFindMany: after,
  };
}

export function enforceJoinLinkExpiry(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe(
    joinLinkLifecycle(strapi) as unknown as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0],
  );
}

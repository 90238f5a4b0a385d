import type { Core } from '@strapi/strapi';
import { LAYOUTS } from './fields';
import { editorialTypes, PERSONAL_DATA_TYPES } from '../security/roles';

/**
 * The data of the editors' home widgets (src/admin/home-widgets.tsx), each for the admin asking:
 * - my drafts: the versions they saved last that are not published as they are (draft or modified);
 * - recently published: the latest publications of the types they may read;
 * - registrations this week: how many people registered in the last seven days, per session, and
 *   who, only for an admin allowed to read registrations (the registrations manager, the super
 *   admin): the names are personal data, the counts are not.
 */
export const REGISTRATION = PERSONAL_DATA_TYPES[0];
const LIMIT = 10;
const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface HomeEntry {
  type: string;
  kind: 'collectionType' | 'singleType';
  documentId: string;
  locale: string | null;
  title: string;
  status: 'draft' | 'modified' | 'published';
  at: string;
}

type Row = Record<string, unknown> & { id: number; documentId: string; locale: string | null };

function modelOf(strapi: Core.Strapi, uid: string) {
  return strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as {
    kind: 'collectionType' | 'singleType';
    options?: { draftAndPublish?: boolean };
    attributes: Record<string, unknown>;
  };
}

function titleField(strapi: Core.Strapi, uid: string): string | null {
  const main = LAYOUTS[uid]?.mainField;
  return main && modelOf(strapi, uid).attributes[main] ? main : null;
}

const time = (value: unknown) => new Date(value as string).getTime();

/** The editorial types with drafts that the admin may read. */
function readableTypes(strapi: Core.Strapi, canRead: (uid: string) => boolean): string[] {
  return editorialTypes(strapi).filter((uid) => modelOf(strapi, uid).options?.draftAndPublish && canRead(uid));
}

function entry(strapi: Core.Strapi, uid: string, row: Row, status: HomeEntry['status'], at: unknown): HomeEntry {
  const field = titleField(strapi, uid);
  return {
    type: uid,
    kind: modelOf(strapi, uid).kind,
    documentId: row.documentId,
    locale: row.locale ?? null,
    title: String((field && row[field]) || row.documentId),
    status,
    at: new Date(at as string).toISOString(),
  };
}

export async function myDrafts(
  strapi: Core.Strapi,
  adminId: number,
  canRead: (uid: string) => boolean,
): Promise<HomeEntry[]> {
  const found: HomeEntry[] = [];
  for (const uid of readableTypes(strapi, canRead)) {
    const field = titleField(strapi, uid);
    const drafts = (await strapi.db.query(uid as never).findMany({
      where: { publishedAt: null, updatedBy: { id: adminId } },
      select: ['id', 'documentId', 'locale', 'updatedAt', ...(field ? [field] : [])],
      orderBy: { updatedAt: 'desc' },
      limit: LIMIT,
    })) as Row[];
    if (!drafts.length) continue;
    const published = (await strapi.db.query(uid as never).findMany({
      where: { publishedAt: { $notNull: true }, documentId: { $in: drafts.map((d) => d.documentId) } },
      select: ['documentId', 'locale', 'updatedAt'],
    })) as Row[];
    for (const draft of drafts) {
      const counterpart = published.find((p) => p.documentId === draft.documentId && p.locale === draft.locale);
      // The same as the content manager's status: modified when the draft was saved after the publication.
      if (counterpart && time(draft.updatedAt) <= time(counterpart.updatedAt)) continue;
      found.push(entry(strapi, uid, draft, counterpart ? 'modified' : 'draft', draft.updatedAt));
    }
  }
  return found.sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIMIT);
}

export async function recentlyPublished(strapi: Core.Strapi, canRead: (uid: string) => boolean): Promise<HomeEntry[]> {
  const found: HomeEntry[] = [];
  for (const uid of readableTypes(strapi, canRead)) {
    const field = titleField(strapi, uid);
    const rows = (await strapi.db.query(uid as never).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'locale', 'publishedAt', ...(field ? [field] : [])],
      orderBy: { publishedAt: 'desc' },
      limit: LIMIT,
    })) as Row[];
    for (const row of rows) found.push(entry(strapi, uid, row, 'published', row.publishedAt));
  }
  return found.sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIMIT);
}

export interface WeekRegistrations {
  since: string;
  total: number;
  sessions: Array<{ sessionDocumentId: string; sessionTitle: string; count: number }>;
  /** Only for an admin who may read registrations. */
  people?: Array<{ documentId: string; fullName: string; sessionTitle: string; status: string; at: string }>;
}

export async function registrationsThisWeek(
  strapi: Core.Strapi,
  canSeePeople: boolean,
  now = new Date(),
): Promise<WeekRegistrations> {
  const since = new Date(now.getTime() - WEEK_MS);
  const registrations = strapi.db.query(REGISTRATION as never);
  // Counted per session (anonymised registrations too: erased on request, still a place taken).
  const rows = (await registrations.findMany({
    where: { createdAt: { $gte: since } },
    select: ['sessionDocumentId', 'sessionTitle'],
  })) as Array<{ sessionDocumentId: string; sessionTitle: string | null }>;
  const bySession = new Map<string, { sessionDocumentId: string; sessionTitle: string; count: number }>();
  for (const row of rows) {
    const session = bySession.get(row.sessionDocumentId) ?? {
      sessionDocumentId: row.sessionDocumentId,
      sessionTitle: row.sessionTitle ?? row.sessionDocumentId,
      count: 0,
    };
    session.count += 1;
    bySession.set(row.sessionDocumentId, session);
  }
  const result: WeekRegistrations = {
    since: since.toISOString(),
    total: rows.length,
    sessions: [...bySession.values()].sort((a, b) => b.count - a.count),
  };
  if (canSeePeople) {
    const people = (await registrations.findMany({
      where: { createdAt: { $gte: since }, anonymisedAt: null },
      select: ['documentId', 'fullName', 'sessionTitle', 'registrationStatus', 'createdAt'],
      orderBy: { createdAt: 'desc' },
      limit: LIMIT,
    })) as Array<Record<string, unknown>>;
    result.people = people.map((p) => ({
      documentId: String(p.documentId),
      fullName: String(p.fullName ?? ''),
      sessionTitle: String(p.sessionTitle ?? ''),
      status: String(p.registrationStatus ?? ''),
      at: new Date(p.createdAt as string).toISOString(),
    }));
  }
  return result;
}

import type { Core, UID } from '@strapi/strapi';
import { plainText, type SearchLocale } from './text';

/**
 * What search finds: the published entries of seven types, each in one locale, as the text a reader
 * would search (title first, then the summary, then the body). Read only with `status:
 * 'published'`: a draft never reaches an index, whichever provider holds it.
 */
export const SEARCH_TYPES = {
  module: 'api::module.module',
  jobSheet: 'api::job-sheet.job-sheet',
  interview: 'api::interview.interview',
  organisation: 'api::organisation.organisation',
  trainingSession: 'api::training-session.training-session',
  webinar: 'api::webinar.webinar',
  competence: 'api::competence.competence',
} as const satisfies Record<string, UID.ContentType>;
export type SearchType = keyof typeof SEARCH_TYPES;
export const SEARCH_TYPE_NAMES = Object.keys(SEARCH_TYPES) as SearchType[];

export const isSearchType = (value: string): value is SearchType => Object.hasOwn(SEARCH_TYPES, value);

export interface SearchDocument {
  /** `type:documentId:locale`: one entry in one locale. */
  id: string;
  type: SearchType;
  documentId: string;
  locale: SearchLocale;
  slug: string;
  title: string;
  /** What the excerpt is cut from first (a summary or description). */
  summary: string;
  /** The rest of the searchable text. */
  body: string;
}

type Row = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

const READ: Record<
  SearchType,
  { populate: Record<string, true>; text: (row: Row) => Omit<SearchDocument, 'id' | 'type' | 'documentId' | 'locale'> }
> = {
  module: {
    populate: {},
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.title),
      summary: str(row.summary),
      body: join(plainText(str(row.theory)), plainText(str(row.practicalCase)), plainText(str(row.referenceModel))),
    }),
  },
  jobSheet: {
    populate: { missions: true, skills: true },
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.title),
      summary: str(row.summary),
      body: join(
        ...list(row.missions).map((m) => str(m.text)),
        ...list(row.skills).map((s) => str(s.name)),
        plainText(str(row.accessRoutes)),
        plainText(str(row.workContexts)),
      ),
    }),
  },
  interview: {
    populate: { body: true },
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.title),
      summary: str(row.summary),
      body: join(
        str(row.personName),
        str(row.personRole),
        str(row.pullQuote),
        ...list(row.body).flatMap((qa) => [str(qa.question), str(qa.answer)]),
      ),
    }),
  },
  organisation: {
    populate: {},
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.name),
      summary: str(row.description),
      body: join(str(row.city), str(row.country), str(row.kind)),
    }),
  },
  trainingSession: {
    populate: {},
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.title),
      summary: plainText(str(row.description)),
      body: str(row.venue),
    }),
  },
  webinar: {
    populate: { speakers: true },
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.title),
      summary: str(row.summary),
      body: join(
        plainText(str(row.description)),
        ...list(row.speakers).flatMap((s) => [str(s.name), str(s.role)]),
        plainText(str(row.transcript)),
      ),
    }),
  },
  competence: {
    populate: {},
    text: (row) => ({
      slug: str(row.slug),
      title: str(row.name),
      summary: str(row.description),
      body: join(str(row.code), str(row.areaName)),
    }),
  },
};

function toDocument(type: SearchType, locale: SearchLocale, row: Row): SearchDocument {
  const documentId = String(row.documentId);
  return { id: `${type}:${documentId}:${locale}`, type, documentId, locale, ...READ[type].text(row) };
}

/** Every published entry of a type in a locale. */
export async function readPublished(
  strapi: Core.Strapi,
  type: SearchType,
  locale: SearchLocale,
  documentIds?: string[],
): Promise<SearchDocument[]> {
  const rows = (await strapi.documents(SEARCH_TYPES[type]).findMany({
    locale,
    status: 'published',
    populate: READ[type].populate,
    ...(documentIds ? { filters: { documentId: { $in: documentIds } } } : {}),
    limit: documentIds ? documentIds.length : undefined,
  } as never)) as Row[];
  return rows.map((row) => toDocument(type, locale, row));
}

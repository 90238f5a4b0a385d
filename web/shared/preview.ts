// The editors' preview (docs/design.md, SECURITY.md): which page shows each previewable type, and
// the preview token a page URL carries (`?preview=…`) once the site checked the CMS's signed link.
import type { Section, StaticPage } from './routes';

/** Each previewable type (the CMS's name) → the page that shows it, and its singular query field. */
export const PREVIEW_PAGES: Record<string, { page: Section | StaticPage | 'index'; field: string | null }> = {
  module: { page: 'modules', field: 'module' },
  jobSheet: { page: 'job-sheets', field: 'jobSheet' },
  interview: { page: 'interviews', field: 'interview' },
  organisation: { page: 'organisations', field: 'organisation' },
  trainingSession: { page: 'training-sessions', field: 'trainingSession' },
  webinar: { page: 'webinars', field: 'webinar' },
  competence: { page: 'competences', field: 'competence' },
  home: { page: 'index', field: null },
  site: { page: 'legal-notice', field: null },
  jobOffer: { page: 'job-offers', field: 'jobOffer' },
  trainerKit: { page: 'trainers', field: 'trainerKit' },
  trainersCorner: { page: 'trainers', field: null },
};

export const PREVIEW_PARAM = 'preview';

export interface PreviewFields {
  type: string;
  documentId: string;
  locale: string;
  status: string;
  expires: string;
  sig: string;
}

const FIELDS = ['type', 'documentId', 'locale', 'status', 'expires', 'sig'] as const;

/** The signed link's fields in one query value (none of them holds a dot). */
export function packPreview(fields: PreviewFields): string {
  return FIELDS.map((name) => fields[name]).join('.');
}

export function unpackPreview(value: string): PreviewFields | null {
  const parts = value.split('.');
  if (parts.length !== FIELDS.length) return null;
  return Object.fromEntries(FIELDS.map((name, index) => [name, parts[index]!])) as unknown as PreviewFields;
}

/** What server/middleware/preview.ts found: a checked preview request, a link refused, or the landing. */
export type PreviewContext =
  | { type: string; documentId: string; locale: string; status: 'draft' | 'published'; expires: number }
  | 'invalid'
  | 'landing';

declare module 'h3' {
  interface H3EventContext {
    preview?: PreviewContext;
  }
}

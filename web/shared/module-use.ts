// "I use this module" (the trainers' corner, a kit's page: app/pages/trainers/[slug].vue,
// server/middleware/module-use.ts): what the server hands the page. The CMS checks every value
// again (cms/src/api/module-use/submission/submit.ts).
import { LOCALES, SECTIONS, type Locale } from './routes';

export const MODULE_USE_FIELDS = [
  'fullName',
  'email',
  'organisation',
  'country',
  'learners',
  'context',
  'consent',
] as const;
export type ModuleUseField = (typeof MODULE_USE_FIELDS)[number];

export interface ModuleUseValues {
  fullName: string;
  email: string;
  organisation: string;
  country: string;
  learners: string;
  context: string;
  consent: boolean;
}

/** What the server hands the page: its form token, and after a refused post the reader's values and messages. */
export interface ModuleUseFormState {
  token: string | null;
  values?: ModuleUseValues;
  fieldErrors: Partial<Record<ModuleUseField | 'module', string>>;
  refusal?: { code: string; message: string };
}

/** The query parameter of the redirect after an accepted form (Post/Redirect/Get). */
export const USED_PARAM = 'used';

/** The locale when `path` is a kit's page (`/fr/formateurs/<slug>`…), else null. */
export function kitPageLocale(path: string): Locale | null {
  const [locale, section, slug, ...rest] = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  return LOCALES.find((l) => l === locale && section === SECTIONS.trainers[l] && !!slug && !rest.length) ?? null;
}

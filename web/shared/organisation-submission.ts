// "Add your organisation" (app/pages/organisations/add.vue, server/middleware/organisation-submission.ts):
// what the server hands the page, and what the form offers. The CMS checks every value again
// (cms/src/api/organisation/submission/submit.ts).
import { LOCALES, STATIC_PAGES, type Locale } from './routes';

export const SUBMISSION_FIELDS = [
  'name',
  'description',
  'kind',
  'roles',
  'country',
  'city',
  'website',
  'services',
  'foundedYear',
  'contactName',
  'contactEmail',
  'consent',
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

export const SUBMISSION_KINDS = [
  'association',
  'cooperative',
  'mutual',
  'foundation',
  'social-enterprise',
  'public-body',
  'company',
  'network',
  'other',
] as const;
export const SUBMISSION_ROLES = ['tools-provider', 'transition-support', 'training', 'network'] as const;
/** The countries the form offers: Europe's (the Atlas's scope), named in the reader's language by Intl. */
export const SUBMISSION_COUNTRIES = [
  'AL', 'AT', 'BA', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU',
  'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MD', 'ME', 'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE',
  'SI', 'SK', 'UA',
] as const; // prettier-ignore

export interface SubmissionValues {
  name: string;
  description: string;
  kind: string;
  roles: string[];
  country: string;
  city: string;
  website: string;
  services: string[];
  foundedYear: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
}

/** What the server hands the page: its form token, the themes to choose from, and after a refused post the reader's values and messages. */
export interface SubmissionFormState {
  token: string | null;
  themes: Array<{ documentId: string; name: string }>;
  values?: SubmissionValues;
  fieldErrors: Partial<Record<SubmissionField, string>>;
  refusal?: { code: string; message: string };
}

/** The query parameter of the redirect after an accepted proposal (Post/Redirect/Get). */
export const SUBMITTED_PARAM = 'submitted';

/** The locale when `path` is the form's page (`/fr/atlas/proposer`…), else null. */
export function submissionPageLocale(path: string): Locale | null {
  const pathname = path.split(/[?#]/)[0]!.replace(/\/$/, '');
  return LOCALES.find((locale) => pathname === `/${locale}/${STATIC_PAGES['organisations-add'][locale]}`) ?? null;
}

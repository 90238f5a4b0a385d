// The registration form on a session page: what the server hands the page after a form post, and
// the paths the form posts to. Shared by the server (server/middleware/registration-form.ts,
// server/form-token.ts) and the page (app/components/RegistrationForm.vue).
import { LOCALES, SECTIONS, STATIC_PAGES, type Locale } from '../../../shared/routes';

export const REGISTRATION_FIELDS = ['fullName', 'email', 'organisation', 'consent'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

export interface RegistrationValues {
  fullName: string;
  email: string;
  organisation: string;
  consent: boolean;
}

/**
 * A refused form post, rendered on the session page (never cached): the reader's values, the
 * CMS's localized message per field and, for a refusal of the whole form, its code and message.
 */
export interface RegistrationFormState {
  values: RegistrationValues;
  fieldErrors: Partial<Record<RegistrationField, string>>;
  refusal?: { code: string; message: string; url?: string };
}

/** The outcome of an accepted registration, carried by the redirect after the post (Post/Redirect/Get). */
export type RegistrationStatus = 'confirmed' | 'waitlisted';
export const OUTCOME_PARAM = 'registration';
export const PLACES_PARAM = 'placesLeft';

/** The hidden form-token input as the page renders it; the server gives every response its own value. */
export const FORM_TOKEN_ATTRIBUTE = 'data-form-token-for';

/** `{ locale, slug }` when `path` is a session page (`/fr/formations/<slug>`, not the archive), else null. */
export function sessionPagePath(path: string): { locale: Locale; slug: string } | null {
  const pathname = path.split(/[?#]/)[0]!;
  for (const locale of LOCALES) {
    const prefix = `/${locale}/${SECTIONS['training-sessions'][locale]}/`;
    if (!pathname.startsWith(prefix)) continue;
    const rest = pathname.slice(prefix.length).replace(/\/$/, '');
    if (
      !rest ||
      rest.includes('/') ||
      `/${locale}/${STATIC_PAGES['training-sessions-past'][locale]}` === pathname.replace(/\/$/, '')
    )
      return null;
    return { locale, slug: rest };
  }
  return null;
}

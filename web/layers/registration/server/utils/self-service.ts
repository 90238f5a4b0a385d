import type { H3Event } from 'h3';
import type { Locale } from '#shared/routes';
import type { RegistrationDetails, SelfServiceView } from '../../shared/self-service';

// The self-service operations, always from the site's server (never the browser's /graphql): the
// token travels in the POST body to the CMS, and is never logged here.
const DETAILS = `status fullName email organisation language registeredAt waitlistPosition
  session { documentId locale title slug startsAt endsAt timezone format venue }`;
const READ = `query SelfService($token: String!, $locale: String) { trainingSessionRegistration(token: $token, locale: $locale) { ${DETAILS} } }`;
const DATA = `query SelfServiceData($token: String!, $locale: String) { trainingSessionRegistrationData(token: $token, locale: $locale) }`;
const CANCEL = `mutation SelfServiceCancel($token: String!, $locale: String) { cancelTrainingSessionRegistration(token: $token, locale: $locale) { status } }`;
const ERASE = `mutation SelfServiceErase($token: String!, $locale: String) { eraseTrainingSessionRegistration(token: $token, locale: $locale) }`;

/** A token as the CMS issues them (43 base64url characters); anything else is not worth a call. */
export function plausibleToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The CMS's answer, or its refusal (`extensions.code`, localized message); UNAVAILABLE when it did not answer. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

async function call<T>(
  event: H3Event,
  query: string,
  field: string,
  token: string,
  locale: Locale,
): Promise<Outcome<T>> {
  try {
    const { data, errors } = await cmsGraphql<Record<string, T>>(event, query, { token, locale });
    const value = data?.[field];
    if (value !== undefined && value !== null && !errors.length) return { ok: true, value };
    const error = errors[0];
    return error?.extensions?.code
      ? { ok: false, code: error.extensions.code, message: error.message }
      : { ok: false, code: 'UNAVAILABLE', message: '' };
  } catch (error) {
    console.error(`[self-service] the CMS did not answer: ${(error as Error).message}`);
    return { ok: false, code: 'UNAVAILABLE', message: '' };
  }
}

/** The page's view of the registration of `token`. */
export async function loadSelfService(event: H3Event, token: unknown, locale: Locale): Promise<SelfServiceView> {
  if (!plausibleToken(token)) return { state: 'not-found' };
  const outcome = await call<RegistrationDetails>(event, READ, 'trainingSessionRegistration', token, locale);
  if (outcome.ok) return { state: 'found', registration: outcome.value };
  if (outcome.code === 'REGISTRATION_NOT_FOUND') return { state: 'not-found' };
  return outcome.code === 'RATE_LIMITED' ? { state: 'busy' } : { state: 'unavailable' };
}

export const registrationData = (event: H3Event, token: string, locale: Locale) =>
  call<unknown>(event, DATA, 'trainingSessionRegistrationData', token, locale);
export const cancelRegistration = (event: H3Event, token: string, locale: Locale) =>
  call<{ status: string }>(event, CANCEL, 'cancelTrainingSessionRegistration', token, locale);
export const eraseRegistration = (event: H3Event, token: string, locale: Locale) =>
  call<boolean>(event, ERASE, 'eraseTrainingSessionRegistration', token, locale);

declare module 'h3' {
  interface H3EventContext {
    /** Loaded by server/middleware/self-service.ts for the self-service page to render. */
    selfService?: SelfServiceView;
  }
}

import type { H3Event } from 'h3';
import {
  OUTCOME_PARAM,
  PLACES_PARAM,
  REGISTRATION_FIELDS,
  sessionPagePath,
  type RegistrationField,
  type RegistrationFormState,
  type RegistrationStatus,
  type RegistrationValues,
} from '../../shared/registration';

// The registration form of a session page posts to the page itself (a plain HTML form: no
// JavaScript needed, and the page's URL gives the locale and the place to show the outcome). This
// middleware takes those posts before the page renderer: it sends the form to the CMS
// (registerForTrainingSession, on the reader's behalf: server/utils/cms.ts) and then
//  - on success, redirects (303, Post/Redirect/Get) to the page with the outcome in the query
//    string (no personal data in it): a reload shows the outcome again, it does not register again;
//  - on a refusal, lets the renderer render the page with the reader's values and the CMS's
//    localized messages (event.context.registrationForm, read by app/components/RegistrationForm.vue),
//    with a status that says why. Nitro's page cache (routeRules swr) only ever serves and stores
//    GET and HEAD (cachedEventHandler calls the handler straight through for other methods), and
//    the response says `no-store` to every cache on the way.
const REGISTER = `mutation Register($data: TrainingSessionRegistrationInput!) {
  registerForTrainingSession(data: $data) { status placesLeft }
}`;

// When many register at once (a newsletter just went out) the CMS takes them one by one: wait for
// it rather than tell a reader "try again" for a registration that may still go through.
const REGISTER_TIMEOUT_MS = 60_000;

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 422,
  FORM_EXPIRED: 422,
  TOO_FAST: 422,
  SPAM_SUSPECTED: 422,
  RATE_LIMITED: 429,
  SESSION_NOT_FOUND: 404,
  EXTERNAL_REGISTRATION: 409,
  REGISTRATION_NOT_OPEN: 409,
  REGISTRATION_CLOSED: 409,
  SESSION_PAST: 409,
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function valuesOf(body: Record<string, unknown>): RegistrationValues {
  return {
    fullName: text(body.fullName),
    email: text(body.email),
    organisation: text(body.organisation),
    consent: body.consent === 'yes',
  };
}

async function formBody(event: H3Event): Promise<Record<string, unknown>> {
  if (!String(getRequestHeader(event, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return {};
  const body = await readBody(event).catch(() => null);
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export default defineEventHandler(async (event) => {
  if (event.method !== 'POST') return;
  const page = sessionPagePath(event.path);
  if (!page) return;
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = await formBody(event);
  const values = valuesOf(body);
  const state: RegistrationFormState = { values, fieldErrors: {} };
  try {
    const { data, errors } = await cmsGraphql<{
      registerForTrainingSession: { status: RegistrationStatus; placesLeft: number };
    }>(
      event,
      REGISTER,
      {
        data: {
          session: text(body.session),
          fullName: values.fullName,
          email: values.email,
          organisation: values.organisation || null,
          consent: values.consent,
          locale: page.locale,
          formToken: text(body.formToken),
          website: text(body.website),
        },
      },
      { timeout: REGISTER_TIMEOUT_MS },
    );
    const outcome = data?.registerForTrainingSession;
    if (outcome) {
      const path = event.path.split(/[?#]/)[0];
      return sendRedirect(
        event,
        `${path}?${OUTCOME_PARAM}=${outcome.status}&${PLACES_PARAM}=${outcome.placesLeft}#registration-outcome`,
        303,
      );
    }
    const error = errors[0];
    const code = String(error?.extensions?.code ?? '');
    // Not one of the contract's refusals (an internal error of the CMS): as if it had not answered.
    if (!(code in STATUS_BY_CODE)) throw new Error(`the CMS answered ${error?.message ?? 'nothing'}`);
    for (const { field, message } of error?.extensions?.fieldErrors ?? []) {
      if ((REGISTRATION_FIELDS as readonly string[]).includes(field))
        state.fieldErrors[field as RegistrationField] ??= message;
    }
    if (code !== 'INVALID_INPUT' || !Object.keys(state.fieldErrors).length) {
      state.refusal = {
        code,
        message: error?.message ?? '',
        ...(typeof error?.extensions?.url === 'string' ? { url: error.extensions.url } : {}),
      };
    }
    setResponseStatus(event, STATUS_BY_CODE[code]);
    const retryAfter = Number(error?.extensions?.retryAfterSeconds);
    if (code === 'RATE_LIMITED' && retryAfter > 0) setResponseHeader(event, 'retry-after', Math.ceil(retryAfter));
  } catch (error) {
    // The CMS is unreachable, failed or did not answer in time: the page renders its localized outage
    // message (with the CMS gone, the site's localized 503 page), with the reader's values kept.
    console.error('[registration] the CMS did not answer:', error instanceof Error ? error.message : error);
    state.refusal = { code: 'CMS_UNAVAILABLE', message: '' };
    setResponseStatus(event, 503);
    setResponseHeader(event, 'retry-after', 30);
  }
  event.context.registrationForm = state;
});

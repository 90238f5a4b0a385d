import {
  OUTCOME_PARAM,
  PLACES_PARAM,
  REGISTRATION_FIELDS,
  sessionPagePath,
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
  ...FORM_CHECK_STATUS,
  SESSION_NOT_FOUND: 404,
  EXTERNAL_REGISTRATION: 409,
  REGISTRATION_NOT_OPEN: 409,
  REGISTRATION_CLOSED: 409,
  SESSION_PAST: 409,
};

function valuesOf(body: Record<string, unknown>): RegistrationValues {
  return {
    fullName: formText(body.fullName),
    email: formText(body.email),
    organisation: formText(body.organisation),
    consent: body.consent === 'yes',
  };
}

export default defineEventHandler(async (event) => {
  if (event.method !== 'POST') return;
  const page = sessionPagePath(event.path);
  if (!page) return;
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = await readFormBody(event);
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
          session: formText(body.session),
          fullName: values.fullName,
          email: values.email,
          organisation: values.organisation || null,
          consent: values.consent,
          locale: page.locale,
          formToken: formText(body.formToken),
          website: formText(body.website),
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
    // Not one of the contract's refusals (an internal error of the CMS): as if it had not answered.
    const refused = formRefusal(event, errors[0], STATUS_BY_CODE, REGISTRATION_FIELDS);
    if (!refused) throw new Error(`the CMS answered ${errors[0]?.message ?? 'nothing'}`);
    state.fieldErrors = refused.fieldErrors;
    if (refused.refusal) state.refusal = refused.refusal;
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

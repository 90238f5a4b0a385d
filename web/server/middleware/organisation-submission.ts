import {
  SUBMISSION_FIELDS,
  SUBMITTED_PARAM,
  submissionPageLocale,
  type SubmissionFormState,
  type SubmissionValues,
} from '#shared/organisation-submission';

// "Add your organisation" (app/pages/organisations/add.vue): a plain HTML form posted to its own
// page, so it needs no JavaScript, handled here before the page renderer, as the registration
// form is (layers/registration/server/middleware/registration-form.ts, and server/utils/form-post.ts
// that both use):
//  - every response of the page gets a form token of its own from the CMS and the themes to choose
//    from (the page is never cached: route rules in nuxt.config.ts);
//  - a POST goes to the CMS's submitOrganisation on the reader's behalf (their IP forwarded), then
//    redirects (303) to `?submitted=1` or lets the page render the CMS's localized messages with
//    the reader's values and a status that says why.
const SUBMIT = `mutation Submit($data: OrganisationSubmissionInput!) { submitOrganisation(data: $data) { received } }`;
const FORM = `query SubmissionForm($locale: I18NLocaleCode) {
  organisationSubmissionFormToken
  themes(locale: $locale, sort: "name", pagination: { limit: 100 }) { documentId name }
}`;
function valuesOf(body: Record<string, unknown>): SubmissionValues {
  return {
    name: formText(body.name),
    description: formText(body.description),
    kind: formText(body.kind),
    roles: formList(body.roles),
    country: formText(body.country),
    city: formText(body.city),
    website: formText(body.website),
    services: formList(body.services),
    foundedYear: formText(body.foundedYear),
    contactName: formText(body.contactName),
    contactEmail: formText(body.contactEmail),
    consent: body.consent === 'yes',
  };
}

export default defineEventHandler(async (event) => {
  const locale = submissionPageLocale(event.path);
  if (!locale || (event.method !== 'GET' && event.method !== 'POST')) return;
  setResponseHeader(event, 'cache-control', 'no-store');
  const state: SubmissionFormState = { token: null, themes: [], fieldErrors: {} };
  if (event.method === 'POST') {
    const body = await readFormBody(event);
    const values = valuesOf(body);
    state.values = values;
    const year = values.foundedYear.trim();
    try {
      const { data, errors } = await cmsGraphql<{ submitOrganisation: { received: boolean } }>(event, SUBMIT, {
        data: {
          ...values,
          foundedYear: year === '' ? null : /^-?\d{1,6}$/.test(year) ? Number(year) : -1,
          locale,
          formToken: formText(body.formToken),
          homepage: formText(body.homepage),
        },
      });
      if (data?.submitOrganisation?.received) {
        return sendRedirect(event, `${event.path.split(/[?#]/)[0]}?${SUBMITTED_PARAM}=1#submission-outcome`, 303);
      }
      const refused = formRefusal(event, errors[0], FORM_CHECK_STATUS, SUBMISSION_FIELDS);
      if (!refused) throw new Error(`the CMS answered ${errors[0]?.message ?? 'nothing'}`);
      state.fieldErrors = refused.fieldErrors;
      if (refused.refusal) state.refusal = refused.refusal;
    } catch (error) {
      console.error(
        '[organisation submission] the CMS did not answer:',
        error instanceof Error ? error.message : error,
      );
      state.refusal = { code: 'CMS_UNAVAILABLE', message: '' };
      setResponseStatus(event, 503);
      setResponseHeader(event, 'retry-after', 30);
    }
  }
  try {
    const { data } = await cmsGraphql<{
      organisationSubmissionFormToken: string;
      themes: Array<{ documentId: string; name: string }>;
    }>(event, FORM, { locale });
    state.token = data?.organisationSubmissionFormToken ?? null;
    state.themes = data?.themes ?? [];
  } catch (error) {
    // Without a token the form still renders; sent, it comes back as expired with a fresh one.
    console.error(
      '[organisation submission] no form token from the CMS:',
      error instanceof Error ? error.message : error,
    );
  }
  event.context.organisationSubmission = state;
});

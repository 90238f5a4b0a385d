import {
  kitPageLocale,
  USED_PARAM,
  MODULE_USE_FIELDS,
  type ModuleUseFormState,
  type ModuleUseValues,
} from '#shared/module-use';

// "I use this module" (app/pages/trainers/[slug].vue): a plain HTML form posted to the kit's own
// page, so it needs no JavaScript, handled here before the page renderer as the Atlas's form is
// (server/middleware/organisation-submission.ts, server/utils/form-post.ts):
//  - every response of a kit's page gets a form token of its own from the CMS (the page is never
//    cached: route rules in nuxt.config.ts, shared/page-cache.ts);
//  - a POST goes to the CMS's useModule on the reader's behalf (their IP forwarded), then redirects
//    (303) to `?used=1` or lets the page render the CMS's localized messages with the reader's
//    values and a status that says why.
const USE = `mutation UseModule($data: ModuleUseInput!) { useModule(data: $data) { received } }`;
const FORM = `query ModuleUseForm { moduleUseFormToken }`;
const FIELDS = [...MODULE_USE_FIELDS, 'module'] as const;

function valuesOf(body: Record<string, unknown>): ModuleUseValues {
  return {
    fullName: formText(body.fullName),
    email: formText(body.email),
    organisation: formText(body.organisation),
    country: formText(body.country),
    learners: formText(body.learners),
    context: formText(body.context),
    consent: body.consent === 'yes',
  };
}

export default defineEventHandler(async (event) => {
  const locale = kitPageLocale(event.path);
  if (!locale || (event.method !== 'GET' && event.method !== 'POST')) return;
  setResponseHeader(event, 'cache-control', 'no-store');
  const state: ModuleUseFormState = { token: null, fieldErrors: {} };
  if (event.method === 'POST') {
    const body = await readFormBody(event);
    const values = valuesOf(body);
    state.values = values;
    const learners = values.learners.trim();
    try {
      const { data, errors } = await cmsGraphql<{ useModule: { received: boolean } }>(event, USE, {
        data: {
          ...values,
          learners: learners === '' ? null : /^\d{1,7}$/.test(learners) ? Number(learners) : -1,
          module: formText(body.module),
          locale,
          formToken: formText(body.formToken),
          homepage: formText(body.homepage),
        },
      });
      if (data?.useModule?.received) {
        return sendRedirect(event, `${event.path.split(/[?#]/)[0]}?${USED_PARAM}=1#module-use-outcome`, 303);
      }
      const refused = formRefusal(event, errors[0], FORM_CHECK_STATUS, FIELDS);
      if (!refused) throw new Error(`the CMS answered ${errors[0]?.message ?? 'nothing'}`);
      state.fieldErrors = refused.fieldErrors;
      if (refused.refusal) state.refusal = refused.refusal;
    } catch (error) {
      console.error('[module use] the CMS did not answer:', error instanceof Error ? error.message : error);
      state.refusal = { code: 'CMS_UNAVAILABLE', message: '' };
      setResponseStatus(event, 503);
      setResponseHeader(event, 'retry-after', 30);
    }
  }
  try {
    const { data } = await cmsGraphql<{ moduleUseFormToken: string }>(event, FORM, {});
    state.token = data?.moduleUseFormToken ?? null;
  } catch (error) {
    // Without a token the form still renders; sent, it comes back as expired with a fresh one.
    console.error('[module use] no form token from the CMS:', error instanceof Error ? error.message : error);
  }
  event.context.moduleUse = state;
});

import { isLocale } from '#shared/routes';

// "Download my data": everything the CMS holds about the registration of `token`, as a JSON file.
// A wrong, guessed or erased token gets 404 with the CMS's message in `locale`; no-store, noindex
// (nuxt.config routeRules).
export default defineEventHandler(async (event) => {
  const query = getQuery(event);
  const locale = isLocale(query.locale) ? query.locale : 'en';
  // Any string goes to the CMS, which answers a bad one with its localized REGISTRATION_NOT_FOUND.
  const token = typeof query.token === 'string' ? query.token.slice(0, 200) : '';
  const outcome = await registrationData(event, token, locale);
  if (!outcome.ok) {
    setResponseStatus(event, outcome.code === 'UNAVAILABLE' ? 503 : outcome.code === 'RATE_LIMITED' ? 429 : 404);
    return { error: { code: outcome.code, message: outcome.message } };
  }
  const day = new Date().toISOString().slice(0, 10);
  setResponseHeaders(event, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="social-tech-academy-registration-${day}.json"`,
  });
  return JSON.stringify(outcome.value, null, 2);
});

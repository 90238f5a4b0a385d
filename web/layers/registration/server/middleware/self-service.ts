import { selfServiceLocale } from '#shared/routes';
import type { Notice } from '../../shared/self-service';

// The self-service page (/en/registration?token=…, the link in the registration mails), on the
// server: a GET loads the registration for the page to render (event.context.selfService); the
// page's forms (cancel, erase) post here and are answered with a redirect to the page
// (Post/Redirect/Get: a reload repeats nothing), the outcome in `notice`. Works without JavaScript.
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!;
  const locale = selfServiceLocale(path);
  if (!locale) return;
  const method = event.method;
  if (method === 'GET' || method === 'HEAD') {
    event.context.selfService = await loadSelfService(event, getQuery(event).token, locale);
    return;
  }
  if (method !== 'POST') throw createError({ statusCode: 405, statusMessage: 'Method Not Allowed' });

  const form = (await readBody<Record<string, unknown>>(event).catch(() => null)) ?? {};
  const token = plausibleToken(form.token) ? form.token : undefined;
  const back = (notice?: Notice, withToken = true) => {
    const query = new URLSearchParams({
      ...(withToken && token ? { token } : {}),
      ...(notice ? { notice } : {}),
    }).toString();
    return sendRedirect(event, query ? `${path}?${query}` : path, 303);
  };
  if (!token) return back(undefined, false);
  const action = form.action === 'cancel' || form.action === 'erase' ? form.action : undefined;
  if (!action) return back();
  if (form.confirm !== 'yes') return back(`confirm-${action}`);
  const outcome = await (action === 'cancel' ? cancelRegistration : eraseRegistration)(event, token, locale);
  if (outcome.ok) return action === 'cancel' ? back('cancelled') : back('erased', false);
  // A token that finds nothing gets the page's not-found answer; anything else: try again later.
  return back(outcome.code === 'REGISTRATION_NOT_FOUND' ? undefined : 'failed');
});

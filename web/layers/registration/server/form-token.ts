import { FORM_TOKEN_ATTRIBUTE, sessionPagePath } from '../shared/registration';

// The registration form carries a token signed by the CMS with the time it was issued (the CMS
// refuses forms sent too soon after it, or a day later). Session pages are served from the swr
// page cache, where a token rendered into the page would be shared by every reader and grow old.
// So the page renders the hidden input without a value, and every response of a session page,
// cached or not, leaves with a token of its own, asked from the CMS right before sending. The page
// cache stores a page as it went out to its first reader, token included: a cached copy has its
// token replaced like a placeholder. A Nitro plugin listed in this
// layer's nuxt.config (`nitro.plugins`), not scanned from server/plugins/: plugins from the
// configuration load before the scanned ones (the site's, then the layers'), so this hook runs
// before the site's response-compression, which must see the final body. Only a session page has
// the form: every other response leaves this hook on its path, without a look at its body (a
// search through a cached page's 40 KB is a few per cent of serving it).
const PLACEHOLDER = new RegExp(
  `<input type="hidden" name="formToken" ${FORM_TOKEN_ATTRIBUTE}="([A-Za-z0-9]{1,64})"([^<>]*)>`,
  'g',
);
const TOKEN_QUERY = 'query FormToken($session: ID!) { trainingSessionRegistrationFormToken(session: $session) }';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', async (event, response) => {
    if (!sessionPagePath(event.path)) return;
    if (typeof response.body !== 'string' || !response.body.includes(FORM_TOKEN_ATTRIBUTE)) return;
    const sessions = new Set([...response.body.matchAll(PLACEHOLDER)].map((match) => match[1]!));
    if (!sessions.size) return;
    const tokens = new Map<string, string>();
    await Promise.all(
      [...sessions].map(async (session) => {
        try {
          const { data } = await cmsGraphql<{ trainingSessionRegistrationFormToken: string }>(event, TOKEN_QUERY, {
            session,
          });
          if (data?.trainingSessionRegistrationFormToken)
            tokens.set(session, data.trainingSessionRegistrationFormToken);
        } catch (error) {
          // Without a token the form still renders; sent, it comes back as expired with a fresh one.
          console.error('[registration] no form token from the CMS:', error instanceof Error ? error.message : error);
        }
      }),
    );
    response.body = response.body.replace(PLACEHOLDER, (tag, session: string, rest: string) => {
      const token = tokens.get(session);
      // A page from the page cache went out once with the token of its first reader: replaced.
      const attributes = rest.replace(/\s+value="[^"]*"/, '');
      return token
        ? `<input type="hidden" name="formToken" ${FORM_TOKEN_ATTRIBUTE}="${session}" value="${escapeAttribute(token)}"${attributes}>`
        : tag;
    });
    // This body is this response's own: no validator that would let a browser keep an older copy
    // (304), and no shared cache on the way keeps it for others.
    for (const name of ['etag', 'last-modified', 'content-length']) removeResponseHeader(event, name);
    if (!/no-store/.test(String(getResponseHeader(event, 'cache-control') ?? '')))
      setResponseHeader(event, 'cache-control', 'private, no-cache');
  });
});

import { randomBytes } from 'node:crypto';

// nuxt-security puts a nonce in the HTML and the CSP header while a page renders. A page served
// from the swr cache would replay that nonce to every reader (and a nonce seen twice protects
// nothing). So every HTML response leaves with a nonce of its own: the cached one is replaced in
// both the body and the header, right before sending.
const NONCE_SOURCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    const csp = getResponseHeader(event, 'content-security-policy');
    if (typeof csp !== 'string' || typeof response.body !== 'string') return;
    const old = NONCE_SOURCE.exec(csp)?.[1];
    if (!old) return;
    const fresh = randomBytes(16).toString('base64');
    response.body = response.body.split(`nonce="${old}"`).join(`nonce="${fresh}"`);
    setResponseHeader(event, 'content-security-policy', csp.split(`'nonce-${old}'`).join(`'nonce-${fresh}'`));
  });
});

import type { H3Event } from 'h3';

// The browser's GraphQL endpoint: the site passes /graphql on to the CMS, so that pages only ever
// talk to their own origin (CSP connect-src 'self', no CORS, the CMS may stay private). The
// reader's IP travels as the CMS trusts it (server/utils/cms.ts).
//
// It is for the site's own pages, so it answers them alone. A page of another site must not be
// able to make its visitors' browsers send GraphQL here (a registration in their name, from their
// address): a request a browser marks as coming from another origin (Sec-Fetch-Site, else Origin)
// is refused; a POST must be `application/json`, a type no HTML form and no "simple" cross-origin
// request can send (so a browser without fetch metadata still asks first, by a preflight that gets
// no CORS answer). Clients that are not browsers send neither header: they could call the CMS
// directly anyway. Nothing of the CMS's response leaves but its status, its JSON body and its
// JSON content type: the site's own security headers apply, no CORS, no X-Powered-By.
const MAX_BODY_BYTES = 64 * 1024;
// As long as a form post waits for the CMS under a crowd (server/middleware/registration-form.ts).
const TIMEOUT_MS = 60_000;
const GRAPHQL_JSON = /^application\/(graphql-response\+)?json\s*(;|$)/i;
// JSON is never a document: should a browser be led to open one, it runs nothing and frames nothing.
const HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** A GraphQL-shaped refusal (urql shows it as an error), from the site itself. */
function refuse(event: H3Event, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  setResponseStatus(event, status);
  setResponseHeaders(event, { ...HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers });
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Whether the browser that sent the request says it comes from one of the site's own pages. */
function fromOwnPage(event: H3Event): boolean {
  const site = getRequestHeader(event, 'sec-fetch-site');
  // `none`: the reader opened the URL themself (address bar, bookmark).
  if (site) return site === 'same-origin' || site === 'none';
  const origin = getRequestHeader(event, 'origin');
  if (!origin) return true;
  try {
    const { host } = new URL(origin);
    return host === getRequestHost(event) || host === new URL(useRuntimeConfig(event).public.siteUrl).host;
  } catch {
    return false; // `null` (a sandboxed frame, a file) or garbage
  }
}

export default defineEventHandler(async (event) => {
  const method = event.method;
  if (method !== 'GET' && method !== 'POST') {
    return refuse(event, 405, 'METHOD_NOT_ALLOWED', 'GraphQL is served by GET and POST.', { allow: 'GET, POST' });
  }
  if (!fromOwnPage(event))
    return refuse(event, 403, 'CROSS_SITE_REQUEST', 'This endpoint serves the pages of this site only.');

  let body: string | undefined;
  if (method === 'POST') {
    if (!GRAPHQL_JSON.test(getRequestHeader(event, 'content-type') ?? '')) {
      return refuse(event, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the operation as application/json.');
    }
    if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_BODY_BYTES)
      return refuse(event, 413, 'TOO_LARGE', 'The operation is too large.');
    body = (await readRawBody(event, 'utf8')) ?? '';
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return refuse(event, 413, 'TOO_LARGE', 'The operation is too large.');
  }

  const search = method === 'GET' ? getRequestURL(event).search : '';
  const response = await fetch(`${cmsUrl()}/graphql${search}`, {
    method,
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...forwardingHeaders(event),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch(() => null);
  const type = response?.headers.get('content-type') ?? '';
  const text = response && GRAPHQL_JSON.test(type) ? await response.text().catch(() => null) : null;
  if (!response || text === null) {
    // Down, timed out, or answering something that is not GraphQL: never passed on as it is.
    await response?.body?.cancel().catch(() => {});
    return refuse(event, 502, 'CMS_UNAVAILABLE', 'The content service is unavailable.');
  }
  setResponseStatus(event, response.status);
  setResponseHeaders(event, { ...HEADERS, 'content-type': type });
  return text;
});

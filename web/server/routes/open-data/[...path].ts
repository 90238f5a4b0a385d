// The open-data files (the CMS's /api/open-data, cms/src/open-data/) on the site's own origin:
// `/open-data/catalog.jsonld` and `/open-data/<locale>/<file>`, the addresses the DCAT-AP
// catalogue gives. The CMS builds each file from published content and rebuilds it when the
// publishing change log moves; it answers with an ETag and `no-cache`, so a client (a calendar
// subscribed to trainings.ics, a harvester) revalidates on every use and gets a change as soon as
// it is committed. Only the known files of the known locales pass; only the headers a file needs
// come back; as data, never a document: a CSP that runs and frames nothing, `nosniff`.
const FILE_PATH = /^(?:catalog\.jsonld|(?:fr|en|it|es)\/[a-z-]+(?:\.schema)?\.(?:csv|json|geojson|ics))$/;
const PASSED_ON = [
  'content-type',
  'etag',
  'cache-control',
  'content-disposition',
  'access-control-allow-origin',
  'link',
];

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return plainNotFound(event);
  const path = getRouterParam(event, 'path') ?? '';
  if (!FILE_PATH.test(path)) return plainNotFound(event);
  const etag = getRequestHeader(event, 'if-none-match');
  const response = await fetch(`${cmsUrl()}/api/open-data/${path}`, {
    headers: etag ? { 'if-none-match': etag } : {},
    redirect: 'manual',
  }).catch(() => null);
  if (!response || (response.status !== 200 && response.status !== 304)) {
    await response?.body?.cancel().catch(() => {});
    return plainNotFound(event);
  }
  setResponseStatus(event, response.status);
  for (const name of PASSED_ON) {
    const value = response.headers.get(name);
    if (value) setResponseHeader(event, name, value);
  }
  setResponseHeaders(event, {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  const body = response.status === 304 || event.method === 'HEAD' ? '' : await response.text();
  return body;
});

// CMS uploads through the site: same origin, no third-party host. Being on the site's origin, a
// file served here could act as one of its pages (an uploaded HTML page or an SVG with a script
// would run with the site's origin), so only images, documents, videos (a webinar's replay) and
// their WebVTT captions are served, each as what its
// extension says AND as the CMS says (both must agree: one table, the policy itself), with
// `nosniff`; anything else is a 404. A document is always a download (`attachment`). An SVG is an
// image that can hold script: `<img>` shows it without ever running it, and that is the only use
// the site has for it, so a reader who opens one directly gets it as a download, and, in case a
// browser renders it all the same, under a CSP that runs no script and sandboxes it into an
// opaque origin. Of the CMS's response only the body and the headers a file needs go out.
// A video is played in place and seeks with HTTP Range requests, passed on to the origin, which
// answers them (206, or 416 outside the file): Strapi's local uploads (koa-range) and S3 alike.
type Served = { type: string; inline: boolean; ranges?: true };
const SERVED: Record<string, Served> = {
  jpg: { type: 'image/jpeg', inline: true },
  jpeg: { type: 'image/jpeg', inline: true },
  png: { type: 'image/png', inline: true },
  gif: { type: 'image/gif', inline: true },
  webp: { type: 'image/webp', inline: true },
  avif: { type: 'image/avif', inline: true },
  svg: { type: 'image/svg+xml', inline: false },
  pdf: { type: 'application/pdf', inline: false },
  odt: { type: 'application/vnd.oasis.opendocument.text', inline: false },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', inline: false },
  odp: { type: 'application/vnd.oasis.opendocument.presentation', inline: false },
  doc: { type: 'application/msword', inline: false },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  xls: { type: 'application/vnd.ms-excel', inline: false },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
  ppt: { type: 'application/vnd.ms-powerpoint', inline: false },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', inline: false },
  csv: { type: 'text/csv', inline: false },
  txt: { type: 'text/plain', inline: false },
  webm: { type: 'video/webm', inline: true, ranges: true },
  mp4: { type: 'video/mp4', inline: true, ranges: true },
  vtt: { type: 'text/vtt', inline: true },
};
// Uploads are flat files named by the CMS (`name_hash.ext`), in folders at most.
const FILE_PATH = /^(?:[\w-]+\/)*[\w.-]+\.([A-Za-z0-9]+)$/;
const PASSED_ON = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified'];
const REQUEST_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since'];

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return plainNotFound(event);
  const path = getRouterParam(event, 'path') ?? '';
  const extension = FILE_PATH.exec(path)?.[1]?.toLowerCase();
  const served =
    extension && !path.split('/').some((segment) => segment.startsWith('.')) ? SERVED[extension] : undefined;
  if (!served) return plainNotFound(event);

  const headers: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = getRequestHeader(event, name);
    if (value) headers[name] = value;
  }
  const response = await fetch(`${cmsUrl()}/uploads/${path}`, {
    method: event.method,
    headers,
    redirect: 'manual',
  }).catch(() => null);
  const upstreamType = (response?.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const unsatisfiable = served.ranges && response?.status === 416;
  const ok = response && ([200, 206, 304].includes(response.status) || unsatisfiable);
  if (!response || !ok || (response.status !== 304 && !unsatisfiable && upstreamType !== served.type)) {
    await response?.body?.cancel().catch(() => {});
    return plainNotFound(event);
  }

  setResponseStatus(event, response.status);
  for (const name of PASSED_ON) {
    const value = response.headers.get(name);
    if (value) setResponseHeader(event, name, value);
  }
  const filename = path.split('/').pop()!;
  setResponseHeaders(event, {
    'content-type': served.type,
    'x-content-type-options': 'nosniff',
    'content-disposition': served.inline ? 'inline' : `attachment; filename="${filename}"`,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'cache-control': 'public, max-age=3600',
  });
  if (served.ranges) setResponseHeader(event, 'accept-ranges', 'bytes');
  if (event.method === 'HEAD' || response.status === 304 || unsatisfiable || !response.body) {
    await response.body?.cancel().catch(() => {});
    return send(event, '');
  }
  return sendStream(event, response.body);
});

import parseRange from 'range-parser';

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
// A video is played in place (`inline`) and seeks by HTTP Range requests: passed on to the origin
// (S3 answers 206 itself); when the origin sends the whole file instead (Strapi's local uploads),
// the site cuts the asked range out of it as it streams (206, or 416 for a range outside the file).
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
  const ok = response && [200, 206, 304].includes(response.status);
  if (!response || !ok || (response.status !== 304 && upstreamType !== served.type)) {
    await response?.body?.cancel().catch(() => {});
    return plainNotFound(event);
  }

  const filename = path.split('/').pop()!;
  setResponseHeaders(event, {
    'content-type': served.type,
    'x-content-type-options': 'nosniff',
    'content-disposition': served.inline ? 'inline' : `attachment; filename="${filename}"`,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'cache-control': 'public, max-age=3600',
  });
  // A range the origin did not cut (it answered 200 with the whole file): cut here.
  const size = Number(response.headers.get('content-length'));
  if (served.ranges && response.status === 200 && headers.range && Number.isSafeInteger(size)) {
    const ranges = parseRange(size, headers.range, { combine: true });
    if (ranges === -1) {
      await response.body?.cancel().catch(() => {});
      setResponseStatus(event, 416);
      setResponseHeaders(event, { 'content-range': `bytes */${size}`, 'accept-ranges': 'bytes' });
      return send(event, '');
    }
    // A single range (what media players ask); several, or a malformed header: the whole file.
    if (Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes') {
      const { start, end } = ranges[0]!;
      setResponseStatus(event, 206);
      setResponseHeader(event, 'content-range', `bytes ${start}-${end}/${size}`);
      setResponseHeader(event, 'content-length', end - start + 1);
      setResponseHeader(event, 'accept-ranges', 'bytes');
      for (const name of ['etag', 'last-modified']) {
        const value = response.headers.get(name);
        if (value) setResponseHeader(event, name, value);
      }
      if (event.method === 'HEAD' || !response.body) {
        await response.body?.cancel().catch(() => {});
        return send(event, '');
      }
      return sendStream(event, byteRange(response.body, start, end));
    }
  }

  setResponseStatus(event, response.status);
  for (const name of PASSED_ON) {
    const value = response.headers.get(name);
    if (value) setResponseHeader(event, name, value);
  }
  if (served.ranges) setResponseHeader(event, 'accept-ranges', 'bytes');
  if (event.method === 'HEAD' || response.status === 304 || !response.body) {
    await response.body?.cancel().catch(() => {});
    return send(event, '');
  }
  return sendStream(event, response.body);
});

/** Bytes `start` to `end` (inclusive) of a stream, which is cancelled once they have passed. */
function byteRange(body: ReadableStream<Uint8Array>, start: number, end: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let position = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const from = position;
        position += value.byteLength;
        if (position <= start) continue;
        controller.enqueue(value.subarray(Math.max(0, start - from), Math.min(value.byteLength, end + 1 - from)));
        if (position > end) {
          await reader.cancel().catch(() => {});
          return controller.close();
        }
        return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

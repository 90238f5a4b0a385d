import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Text responses leave compressed (brotli, else gzip) when the browser accepts it: HTML pages
// (30-140 KB, a few KB once compressed, most of a first visit's bytes on a slow link), the locale
// messages a first load fetches (/_i18n/…/messages.json, ~19 KB of JSON), the sitemap, robots.txt
// and the site's JSON. Done last, on every response (cached or not): this plugin's hook runs after
// every other body rewrite (the registration layer's form token, a config-listed plugin). A cached
// page is the same text for every reader (its scripts and styles are allowed by hashes, not by a
// per-response nonce): its compressed bytes, and its UTF-8 bytes, are kept with it (COMPRESSED, by
// URL, in this process, used only while the text is the very same), so a page-cache hit is neither
// compressed nor encoded again. Static
// assets are precompressed at build time (nitro.compressPublicAssets) and never reach this hook as
// text. Error pages are rendered through an internal request (/__nuxt_error) whose body Nitro's
// error handler re-sends as text: that one stays plain.
const MIN_BYTES = 1024;
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|javascript)\b|application\/[\w.+-]+\+(json|xml)\b|image\/svg\+xml\b)/;

type Encoding = 'br' | 'gzip' | 'identity';
/**
 * Page-cache pages as the bytes sent, by URL and encoding (`identity`: the UTF-8 text, so that a
 * reader who takes no compression does not have the page encoded again either), least recently
 * used first (a Map keeps insertion order).
 */
const COMPRESSED = new Map<string, { text: string } & Partial<Record<Encoding, Buffer>>>();
const COMPRESSED_MAX = Number(process.env.NUXT_COMPRESSED_PAGES_MAX ?? 500);

function compress(text: string, encoding: Encoding): Buffer {
  if (encoding === 'identity') return Buffer.from(text);
  return encoding === 'br'
    ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(text, { level: 6 });
}

/** `text` compressed, from COMPRESSED when this URL's page was already compressed as the same text. */
function compressPage(path: string, text: string, encoding: Encoding): Buffer {
  let entry = COMPRESSED.get(path);
  if (entry?.text !== text) entry = { text };
  COMPRESSED.delete(path);
  COMPRESSED.set(path, entry);
  if (COMPRESSED.size > COMPRESSED_MAX) COMPRESSED.delete(COMPRESSED.keys().next().value!);
  return (entry[encoding] ??= compress(text, encoding));
}

/** A value h3 would send as JSON (a handler returned an object): a plain object or an array. */
function isJsonValue(body: unknown): body is object {
  if (Array.isArray(body)) return true;
  if (!body || typeof body !== 'object') return false;
  const prototype = Object.getPrototypeOf(body);
  return prototype === Object.prototype || prototype === null;
}

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    if (event.path.startsWith('/__nuxt_error')) return;
    if (getResponseHeader(event, 'content-encoding')) return;
    let type = String(getResponseHeader(event, 'content-type') ?? '');
    // A handler's object (the i18n messages among them): serialized here, as h3 would, to compress it.
    if (isJsonValue(response.body) && (!type || type.startsWith('application/json'))) {
      response.body = JSON.stringify(response.body);
      if (!type) setResponseHeader(event, 'content-type', (type = 'application/json'));
    }
    if (typeof response.body !== 'string' || response.body.length < MIN_BYTES || !COMPRESSIBLE.test(type)) return;
    // A page about to enter the page cache is stored as text (server/utils/page-cache.ts).
    const cache = event.context.multiCache;
    const cached = Boolean(cache?.routeServedFromCache || cache?.route?.cacheable) && getResponseStatus(event) === 200;
    if (cached && !cache?.routeServedFromCache) keepUncompressedForCache(event.path, response.body);
    const accepted = getRequestHeader(event, 'accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    appendResponseHeader(event, 'vary', 'accept-encoding');
    if (!encoding) {
      if (cached) response.body = compressPage(event.path, response.body, 'identity');
      return;
    }
    response.body = cached ? compressPage(event.path, response.body, encoding) : compress(response.body, encoding);
    setResponseHeader(event, 'content-encoding', encoding);
    removeResponseHeader(event, 'content-length');
  });
});

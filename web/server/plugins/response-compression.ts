import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// HTML pages leave compressed (brotli, else gzip) when the browser accepts it: a page is 30-140 KB
// of HTML, a few KB once compressed, which is most of a first visit's bytes on a slow link. Done
// last, on every response (cached or not): this plugin's hook runs after csp-fresh-nonce's (Nitro
// plugins load in file-name order), which rewrites the body first. Static assets are precompressed
// at build time (nitro.compressPublicAssets) and never reach this hook as strings. Error pages are
// rendered through an internal request (/__nuxt_error) whose body Nitro's error handler re-sends as
// text: that one stays plain.
const MIN_BYTES = 1024;

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    if (typeof response.body !== 'string' || response.body.length < MIN_BYTES) return;
    if (event.path.startsWith('/__nuxt_error')) return;
    if (!String(getResponseHeader(event, 'content-type') ?? '').startsWith('text/html')) return;
    if (getResponseHeader(event, 'content-encoding')) return;
    // A page about to enter the page cache leaves as it is stored (nuxt-multi-cache stores the body
    // that was sent, and must store text): only its first reader after a change gets it uncompressed.
    const cache = event.context.multiCache;
    if (cache?.route?.cacheable && !cache.routeServedFromCache && getResponseStatus(event) === 200) return;
    const accepted = getRequestHeader(event, 'accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    appendResponseHeader(event, 'vary', 'accept-encoding');
    if (!encoding) return;
    response.body = encoding === 'br'
      ? brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(response.body, { level: 6 });
    setResponseHeader(event, 'content-encoding', encoding);
    removeResponseHeader(event, 'content-length');
  });
});

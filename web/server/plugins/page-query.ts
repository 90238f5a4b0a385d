import { canonicalPageUrl } from '#shared/page-query';
import { isPageCached } from '#shared/page-cache';

// Pages are cached (the page cache, server/multiCache.serverOptions.ts) under their URL, query included. A parameter no page reads
// (`?utm_source=`, `?x=<random>`) would make each such URL a page of its own: rendered again with
// its requests to the CMS, and stored again (in Redis, for as long as the cache keeps entries). So
// a GET of a cached page is taken, before anything else handles it, as the URL the page reads
// (shared/page-query.ts: its filters, its page…, in one order): the cache key and the render are
// those of that URL, and a link the page builds from its query (the language switcher, the
// pagination) carries nothing else. Wrapped around the app's handler because h3 reads a request's
// path once, before Nitro's `request` hook; URLs outside the page cache (shared/page-cache.ts: the
// self-service page, a preview) and other methods see their URL as it came.
export default defineNitroPlugin((nitroApp) => {
  const handle = nitroApp.h3App.handler;
  nitroApp.h3App.handler = (event) => {
    const url = event.node.req.url;
    if (url?.includes('?') && (event.method === 'GET' || event.method === 'HEAD') && isPageCached(url)) {
      event.node.req.url = canonicalPageUrl(url);
    }
    return handle(event);
  };
});

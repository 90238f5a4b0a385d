import { CACHE_LIFETIME, CONTENT_TTL } from '#shared/page-cache';
import { SITEMAP_TAG } from '#shared/cache-tags';

const SHARED_STALE = 24 * 3600;

// The page cache (server/multiCache.serverOptions.ts): pages tag themselves while they render
// (app/plugins/urql.server.ts); the sitemap, a server route, is tagged here (`sitemap`: every
// change of the CMS purges it). A response served from the cache says so (`X-Page-Cache: hit`):
// the tests and the benchmark read it. Shared caches on the way (a CDN) may keep a cached page
// NUXT_CONTENT_TTL seconds and serve it a day past that while they refresh it (they are not purged:
// NUXT_CONTENT_TTL bounds how late they show a change); a page that sets its own Cache-Control
// (a form token, the self-service page, a preview) keeps it.
export default defineNitroPlugin((nitroApp) => {
  // The cache stores text, not the compressed bytes a reader was sent (server/utils/page-cache.ts).
  const storage = useMultiCacheApp().cache.route?.storage;
  if (storage) {
    const setItemRaw = storage.setItemRaw.bind(storage);
    storage.setItemRaw = ((key: string, value: unknown, options?: object) =>
      setItemRaw(key, withUncompressedBody(key, value), options)) as typeof storage.setItemRaw;
  }
  nitroApp.hooks.hook('afterResponse', (event) => forgetUncompressed(event.path));
  nitroApp.hooks.hook('request', (event) => {
    if (event.path === '/sitemap.xml') {
      event.context.multiCache?.route
        ?.setCacheable()
        .setMaxAge(CONTENT_TTL)
        .setStaleIfError(CACHE_LIFETIME)
        .addTags([SITEMAP_TAG]);
    }
  });
  nitroApp.hooks.hook('beforeResponse', (event) => {
    const cache = event.context.multiCache;
    if (cache?.routeServedFromCache) setResponseHeader(event, 'x-page-cache', 'hit');
    else if (
      cache?.route?.cacheable &&
      getResponseStatus(event) === 200 &&
      !getResponseHeader(event, 'cache-control')
    ) {
      setResponseHeader(event, 'cache-control', `s-maxage=${CONTENT_TTL}, stale-while-revalidate=${SHARED_STALE}`);
    }
  });
});

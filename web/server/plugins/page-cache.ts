import { CONTENT_TTL, STALE_IF_ERROR } from '#shared/page-cache';
import { SITEMAP_TAG } from '#shared/cache-tags';

// The page cache (server/multiCache.serverOptions.ts): pages tag themselves while they render
// (app/plugins/urql.server.ts); the sitemap, a server route, is tagged here (`sitemap`: every
// change of the CMS purges it). A response served from the cache says so (`X-Page-Cache: hit`):
// the tests and the benchmark read it.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    if (event.path === '/sitemap.xml') {
      event.context.multiCache?.route?.setCacheable().setMaxAge(CONTENT_TTL).setStaleIfError(CONTENT_TTL + STALE_IF_ERROR).addTags([SITEMAP_TAG]);
    }
  });
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (event.context.multiCache?.routeServedFromCache) setResponseHeader(event, 'x-page-cache', 'hit');
  });
});

import { defineMultiCacheOptions } from 'nuxt-multi-cache/server-options';
import type { Driver } from 'unstorage';
import lruCacheDriver from 'unstorage/drivers/lru-cache';
import redisDriver from 'unstorage/drivers/redis';
import { CACHE_LIFETIME, isPageCached } from '../shared/page-cache';
import { RedisCacheTagRegistry } from './utils/redis-tag-registry';
import { pageCacheKey } from './utils/page-cache';

// The page cache: nuxt-multi-cache's route cache (docs/design.md "The site"). A page is stored with
// the tags of what it rendered (app/plugins/urql.server.ts); the CMS purges tags when content
// changes (server/api/cache/purge.post.ts). With REDIS_URL the pages, and the registry of which
// page carries which tag, live in Redis, shared by every replica (one purge reaches them all);
// without, a bounded in-process LRU and the library's in-memory registry.

/**
 * The library stores a page for its max age (NUXT_CONTENT_TTL); it stays NUXT_CACHE_TTL, to be
 * served while the CMS is unreachable (stale-if-error).
 */
function keepForStaleIfError(driver: Driver): Driver {
  const extend = (options?: { ttl?: number }) => ({ ...options, ttl: CACHE_LIFETIME });
  return {
    ...driver,
    setItem: (key, value, options) => driver.setItem!(key, value, extend(options)),
    // Only where the driver has it (Redis's has not: unstorage then stores raw values with setItem).
    ...(driver.setItemRaw
      ? {
          setItemRaw: (key: string, value: unknown, options?: { ttl?: number }) =>
            driver.setItemRaw!(key, value, extend(options)),
        }
      : {}),
  };
}

const NOT_CACHED_HEADERS = new Set(['content-length', 'etag', 'last-modified', 'set-cookie', 'x-page-cache', 'vary']);

export default defineMultiCacheOptions(() => {
  const redisUrl = process.env.REDIS_URL;
  const pageCacheOff = process.env.NUXT_PAGE_CACHE === 'off';
  const prefix = process.env.NUXT_CACHE_REDIS_PREFIX ?? 'academy:web';
  return {
    route: {
      storage: {
        driver: redisUrl
          ? keepForStaleIfError(redisDriver({ url: redisUrl, base: `${prefix}:pages` }))
          : lruCacheDriver({ max: Number(process.env.NUXT_CACHE_MAX_ENTRIES ?? 2000), ttl: CACHE_LIFETIME * 1000 }),
      },
      // The URL as pages read it (server/plugins/page-query.ts made it canonical), in characters a
      // storage key keeps as they are (unstorage cuts a key at `?` and turns `/` into `:`).
      buildCacheKey: (event) => pageCacheKey(event.path),
      // A stored page is sent again with other bodies: no length or validator of the first one.
      // `vary: accept-encoding` too: the compression adds it again to each response.
      alterCachedHeaders: (headers) =>
        Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_CACHED_HEADERS.has(name))),
      applies: (path) => isPageCached(path),
    },
    // GET and HEAD of a cached page, never a preview (its query marks it before anything else runs).
    // NUXT_PAGE_CACHE=off: every page is rendered for every request, nothing kept (the benchmark's
    // uncached renders, scripts/bench.mjs).
    enabledForRequest: async (event) =>
      !pageCacheOff && (event.method === 'GET' || event.method === 'HEAD') && isPageCached(event.path),
    cacheTagRegistry: redisUrl
      ? new RedisCacheTagRegistry(redisUrl, `${prefix}:page-tags`, CACHE_LIFETIME)
      : 'in-memory',
  };
});

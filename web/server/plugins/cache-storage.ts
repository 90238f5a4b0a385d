import redisDriver from 'unstorage/drivers/redis';
import lruCacheDriver from 'unstorage/drivers/lru-cache';
import nullDriver from 'unstorage/drivers/null';

// Where the server-side page cache (routeRules swr) lives. With REDIS_URL every replica shares it
// (nothing that matters stays in one process); without, a bounded in-process LRU, so that query
// strings cannot grow the memory without limit. Either way an entry lives NUXT_CACHE_TTL seconds
// (a day) after it was last rendered, then goes: swr keeps serving an old page while the CMS is
// down, but not for ever, and a URL nobody asks for again does not stay in Redis for good (swr
// writes its entries without an expiry of their own).
export default defineNitroPlugin(() => {
  const storage = useStorage();
  const url = process.env.REDIS_URL;
  const ttl = Number(process.env.NUXT_CACHE_TTL ?? 86_400);
  if (url) {
    storage.mount('cache', redisDriver({ url, base: process.env.NUXT_CACHE_REDIS_PREFIX ?? 'academy:web:cache', ttl }));
  } else {
    storage.mount(
      'cache',
      lruCacheDriver({ max: Number(process.env.NUXT_CACHE_MAX_ENTRIES ?? 2000), ttl: ttl * 1000 }),
    );
  }
  // NUXT_PAGE_CACHE=off: Nitro's own route cache keeps nothing either (the page cache itself is
  // nuxt-multi-cache's: server/multiCache.serverOptions.ts).
  if (process.env.NUXT_PAGE_CACHE === 'off') storage.mount('cache:nitro:routes', nullDriver());
});

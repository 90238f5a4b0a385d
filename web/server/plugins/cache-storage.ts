import redisDriver from 'unstorage/drivers/redis';
import lruCacheDriver from 'unstorage/drivers/lru-cache';

// Where the server-side page cache (routeRules swr) lives. With REDIS_URL every replica shares it
// (nothing that matters stays in one process); without, a bounded in-process LRU, so that query
// strings cannot grow the memory without limit.
export default defineNitroPlugin(() => {
  const storage = useStorage();
  const url = process.env.REDIS_URL;
  if (url) {
    storage.mount('cache', redisDriver({ url, base: 'academy:web:cache' }));
  } else {
    storage.mount('cache', lruCacheDriver({ max: Number(process.env.NUXT_CACHE_MAX_ENTRIES ?? 2000) }));
  }
});

import Redis from 'ioredis';

// Helpers of the page cache (nuxt-multi-cache's route cache, server/multiCache.serverOptions.ts).

let redis: Redis | undefined;
const seen = new Map<string, number>();
const NONCE_LIFE_MS = 10 * 60_000;

/** True the first time a purge's nonce is seen (by any replica, with Redis), false on a replay. */
export async function firstSeen(nonce: string): Promise<boolean> {
  const url = process.env.REDIS_URL;
  if (url) {
    redis ??= new Redis(url, { maxRetriesPerRequest: 2 });
    return (
      (await redis.set(
        `${process.env.NUXT_CACHE_REDIS_PREFIX ?? 'academy:web'}:purge-nonce:${nonce}`,
        '1',
        'PX',
        NONCE_LIFE_MS,
        'NX',
      )) === 'OK'
    );
  }
  const now = Date.now();
  for (const [key, until] of seen) if (until < now) seen.delete(key);
  if (seen.has(nonce)) return false;
  seen.set(nonce, now + NONCE_LIFE_MS);
  return true;
}

/** Removes every cached page that carries one of `tags`, before answering. */
export async function purgePageTags(tags: string[]) {
  if (!tags.length) return;
  const { cacheTagInvalidator } = useMultiCacheApp();
  cacheTagInvalidator.add(tags);
  await cacheTagInvalidator.invalidate();
}

/**
 * nuxt-multi-cache stores a page as it was sent (its afterResponse hook reads the final body), but
 * pages leave compressed (server/plugins/response-compression.ts) and a cached copy must be text
 * (it gets a fresh nonce and form token each time it is sent again). So the compression keeps the
 * text it compressed here, by cache key, and the cache's storage (wrapped by
 * server/plugins/page-cache.ts) stores that text in the library's item instead of the compressed
 * bytes. Entries live from one request's beforeResponse to its afterResponse.
 */
export const pageCacheKey = (path: string) => `page:${Buffer.from(path).toString('base64url')}`;
const uncompressed = new Map<string, string>();
const ITEM_DELIMITER = '<CACHE_ITEM>'; // nuxt-multi-cache 4's route cache item: JSON metadata, delimiter, body

export function keepUncompressedForCache(path: string, text: string) {
  uncompressed.set(pageCacheKey(path), text);
}

export function forgetUncompressed(path: string) {
  uncompressed.delete(pageCacheKey(path));
}

/** The item to store for `key`: the library's, with the text that was compressed when there was one. */
export function withUncompressedBody(key: string, item: unknown): unknown {
  const text = uncompressed.get(key);
  if (text === undefined || typeof item !== 'string') return item;
  const at = item.indexOf(ITEM_DELIMITER);
  return at === -1 ? item : item.slice(0, at + ITEM_DELIMITER.length) + text;
}

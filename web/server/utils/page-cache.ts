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
    return (await redis.set(`academy:web:purge-nonce:${nonce}`, '1', 'PX', NONCE_LIFE_MS, 'NX')) === 'OK';
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

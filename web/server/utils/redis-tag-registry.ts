import Redis from 'ioredis';

type CacheType = 'route' | 'data' | 'component';

/**
 * nuxt-multi-cache's cache-tag registry (which cached pages carry which tag) in Redis, beside the
 * pages themselves: every replica stores and purges through it, so one purge reaches the pages any
 * replica cached. (The library's own registry is in memory, right only for a cache in memory; its
 * fallback reads every cached page on each purge.) A tag is a Redis set of page keys; the sets
 * expire with the pages they list, so a tag nothing purges does not stay forever.
 */
export class RedisCacheTagRegistry {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }

  private tagKey = (type: CacheType, tag: string) => `${this.prefix}:${type}:tag:${tag}`;
  private itemKey = (type: CacheType, key: string) => `${this.prefix}:${type}:item:${key}`;

  async addCacheTags(cacheItemKey: string, cacheType: CacheType, cacheTags: string[]): Promise<void> {
    if (!cacheTags.length) return;
    const pipeline = this.redis.pipeline();
    for (const tag of cacheTags) {
      pipeline.sadd(this.tagKey(cacheType, tag), cacheItemKey);
      pipeline.expire(this.tagKey(cacheType, tag), this.ttlSeconds);
    }
    pipeline.sadd(this.itemKey(cacheType, cacheItemKey), ...cacheTags);
    pipeline.expire(this.itemKey(cacheType, cacheItemKey), this.ttlSeconds);
    await pipeline.exec();
  }

  async getCacheKeysForTags(tags: string[]): Promise<Partial<Record<CacheType, string[]>>> {
    if (!tags.length) return {};
    const keys = await this.redis.sunion(...tags.map((tag) => this.tagKey('route', tag)));
    return keys.length ? { route: keys } : {};
  }

  async removeTags(tags: string[]): Promise<void> {
    if (tags.length) await this.redis.del(...tags.map((tag) => this.tagKey('route', tag)));
  }

  async removeCacheItem(cacheType: CacheType, key: string | string[]): Promise<void> {
    for (const item of Array.isArray(key) ? key : [key]) {
      const tags = await this.redis.smembers(this.itemKey(cacheType, item));
      const pipeline = this.redis.pipeline();
      for (const tag of tags) pipeline.srem(this.tagKey(cacheType, tag), item);
      pipeline.del(this.itemKey(cacheType, item));
      await pipeline.exec();
    }
  }

  async purgeCache(cacheType: CacheType): Promise<void> {
    await this.deleteMatching(`${this.prefix}:${cacheType}:*`);
  }

  async purgeEverything(): Promise<void> {
    await this.deleteMatching(`${this.prefix}:*`);
  }

  private async deleteMatching(pattern: string) {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

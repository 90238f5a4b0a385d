import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { localizedPath } from '#shared/routes';
import { startSite, stop } from '../../scripts/servers.mjs';
import { signPurge } from '../../server/utils/signatures';
import { SITE_URL } from './helpers';

// Replays (server/plugins/response-replay.ts): a page-cache hit, a public asset and robots.txt are
// sent again from the process's memory, before the server's middleware. What a reader gets must not
// change: the very bytes and headers (security headers included) of the response that went through
// the whole server, in each encoding; and a purge must reach a page being replayed, in every replica.

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET as a client sends it, the body as it came on the wire (not decompressed). */
function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const withoutDate = (headers: Answer['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));

const started: Array<{ child: import('node:child_process').ChildProcess }> = [];
afterAll(async () => {
  for (const site of started) await stop(site.child);
});

describe('responses sent again from memory', () => {
  it('are the very bytes and headers the whole server sent, in every encoding', async () => {
    const home = (await get(SITE_URL, '/en')).body.toString();
    const script = /<script[^>]+type="module"[^>]+src="(\/_nuxt\/[^"]+\.js)"/.exec(home)?.[1];
    expect(script).toBeTruthy();
    const paths = [
      localizedPath('en', 'modules'),
      localizedPath('fr', 'index'),
      '/robots.txt',
      '/favicon.svg',
      script!,
    ];
    for (const path of paths) {
      for (const encoding of ['', 'gzip', 'gzip, deflate, br']) {
        const headers = encoding ? { 'accept-encoding': encoding } : {};
        // The first may render (a page-cache miss); the second goes through the whole server and
        // is kept; the next ones are replays.
        await get(SITE_URL, path, headers);
        const [through, ...replays] = [
          await get(SITE_URL, path, headers),
          await get(SITE_URL, path, headers),
          await get(SITE_URL, path, headers),
        ];
        expect(through!.status, path).toBe(200);
        const page = path.startsWith('/en') || path.startsWith('/fr');
        if (page) {
          expect(through!.headers['x-page-cache']).toBe('hit');
          expect(through!.headers['content-security-policy']).toBeTruthy();
        }
        for (const name of [
          'strict-transport-security',
          'x-frame-options',
          'x-content-type-options',
          'referrer-policy',
        ]) {
          expect(through!.headers[name], `${path} ${name}`).toBeTruthy();
        }
        for (const replay of replays) {
          expect(replay.status, `${path} (${encoding})`).toBe(200);
          expect(withoutDate(replay.headers), `${path} (${encoding})`).toEqual(withoutDate(through!.headers));
          expect(replay.body.equals(through!.body), `${path} (${encoding})`).toBe(true);
        }
      }
    }
  });

  it('a conditional request still gets its 304 from the server', async () => {
    const home = (await get(SITE_URL, '/en')).body.toString();
    const script = /<script[^>]+type="module"[^>]+src="(\/_nuxt\/[^"]+\.js)"/.exec(home)![1]!;
    for (let n = 0; n < 3; n++) await get(SITE_URL, script);
    const { etag } = (await get(SITE_URL, script)).headers;
    expect(etag).toBeTruthy();
    expect((await get(SITE_URL, script, { 'if-none-match': String(etag) })).status).toBe(304);
  });

  it('with Redis, a purge reaches a page every replica is replaying', async () => {
    const prefix = `academy:test:replay:${Date.now().toString(36)}`;
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      NUXT_CACHE_REDIS_PREFIX: prefix,
      SITE_PURGE_SECRET: process.env.SITE_PURGE_SECRET!,
    };
    const one = await startSite(process.env.SITE_OUTPUT_DIR!, process.env.CMS_URL!, { env });
    started.push(one);
    const two = await startSite(process.env.SITE_OUTPUT_DIR!, process.env.CMS_URL!, { env });
    started.push(two);
    const redis = new Redis('redis://127.0.0.1:6379');
    const purge = async (origin: string) => {
      const body = JSON.stringify({ tags: ['list:module:it'], at: Date.now(), nonce: randomUUID() });
      const response = await fetch(`${origin}/api/cache/purge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-purge-signature': signPurge(env.SITE_PURGE_SECRET, body) },
        body,
      });
      expect(response.status).toBe(204);
    };
    try {
      const path = localizedPath('it', 'modules');
      for (const site of [one, two, one, two, one, two]) await get(site.url, path);
      for (const site of [one, two]) {
        await expect.poll(async () => (await get(site.url, path)).headers['x-page-cache']).toBe('hit');
      }
      // Purged through the first replica: the second, replaying the page, renders it anew.
      await purge(one.url);
      expect((await get(two.url, path)).headers['x-page-cache']).toBeUndefined();
      // (The new copy is stored just after it was sent: polled.)
      for (const site of [one, two, one, two]) {
        await expect.poll(async () => (await get(site.url, path)).headers['x-page-cache']).toBe('hit');
      }
      // And the other way round.
      await purge(two.url);
      expect((await get(one.url, path)).headers['x-page-cache']).toBeUndefined();
    } finally {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});

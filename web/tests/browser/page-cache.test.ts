import Redis from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageQueryParams } from '#shared/page-query';
import { LOCALES, localizedPath } from '#shared/routes';
import { startSite, stop } from '../../scripts/servers.mjs';
import { cmsProxy, launchChromium, newContext, SITE_URL } from './helpers';

// The page cache (server/multiCache.serverOptions.ts, server/plugins/page-query.ts;
// issue 9 finding 8), on sites of its own built like the suite's, whose CMS is reached through a
// switch of this test: while the switch is off, the CMS cannot be reached, so a page that answers
// 200 came from the cache (it cannot have been rendered). One site keeps its cache in the local
// Redis under a prefix of this run, the other in its process, with an entry lifetime of 2 s.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PREFIX = `academy:test:${run}`;
const CACHE_TTL_S = 3600;
const OUTPUT_DIR = process.env.SITE_OUTPUT_DIR;
if (!OUTPUT_DIR) throw new Error('SITE_OUTPUT_DIR: the build the suite runs (scripts/test.mjs)');

/** A way to the CMS that the test can cut: while `cms.up` is false every request to it fails. */
let cms: Awaited<ReturnType<typeof cmsProxy>>;
const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
let withRedis: { child: import('node:child_process').ChildProcess; url: string };
let inProcess: { child: import('node:child_process').ChildProcess; url: string };
let browser: Browser;

beforeAll(async () => {
  cms = await cmsProxy();
  await redis.connect();
  withRedis = await startSite(OUTPUT_DIR, cms.url, {
    env: { REDIS_URL: 'redis://127.0.0.1:6379', NUXT_CACHE_REDIS_PREFIX: PREFIX, NUXT_CACHE_TTL: String(CACHE_TTL_S) },
  });
  inProcess = await startSite(OUTPUT_DIR, cms.url, { env: { NUXT_CACHE_TTL: '2' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stop(withRedis?.child);
  await stop(inProcess?.child);
  const keys = await redis.keys(`${PREFIX}:*`).catch(() => []);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await cms?.close();
});

const get = (site: { url: string }, path: string) =>
  fetch(`${site.url}${path}`, { headers: { accept: 'text/html' } }).then(async (r) => ({
    status: r.status,
    body: await r.text(),
  }));
const pageKeys = async () => (await redis.keys(`${PREFIX}:*`)).filter((key) => key.includes(':pages:page:')).sort();
/** The cards of a list page (each titled by an h3). */
const cards = (body: string) => (body.match(/<h3\b/g) ?? []).length;

describe('the page cache', () => {
  it('serves a URL with parameters no page reads from the cached page, with no new entry and no render', async () => {
    cms.up = true;
    const path = localizedPath('en', 'job-sheets');
    const page = await get(withRedis, path);
    expect(page.status).toBe(200);
    expect(cards(page.body)).toBeGreaterThan(1);
    await expect.poll(pageKeys).toHaveLength(1);
    const [key] = await pageKeys();
    // Parameters no page reads, in any order: the same page, no entry of their own.
    for (const query of [`?u=${run}`, `?utm_source=newsletter&fbclid=${run}&x=${Math.random()}`]) {
      const again = await get(withRedis, `${path}${query}`);
      expect(again.status).toBe(200);
      expect(cards(again.body)).toBe(cards(page.body));
    }
    // A filter is part of the key: its page is rendered and stored under a key of its own, which
    // (one connection to Redis, in order) also means every write asked before it has landed.
    const filtered = await get(withRedis, `${path}?u=${run}&competence=5.1`);
    expect(filtered.status).toBe(200);
    expect(cards(filtered.body)).toBeLessThan(cards(page.body));
    await expect.poll(pageKeys).toHaveLength(2);
    expect(await pageKeys()).toContain(key);
    // The same filter with other noise, in another order: the same entry.
    expect((await get(withRedis, `${path}?competence=5.1&utm_medium=mail`)).status).toBe(200);
    expect(await get(withRedis, `${path}?competence=5.2`).then((r) => r.status)).toBe(200);
    await expect.poll(pageKeys).toHaveLength(3);

    // The CMS out of reach: a URL with noise is still the cached page (it cannot have been
    // rendered), while a filter no one asked for yet cannot be served from it.
    cms.up = false;
    for (const query of [`?u=${Math.random()}`, '?utm_campaign=spring']) {
      const cached = await get(withRedis, `${path}${query}`);
      expect(cached.status, query).toBe(200);
      expect(cards(cached.body), query).toBe(cards(page.body));
    }
    const uncached = await get(withRedis, `${path}?competence=4.1&u=${run}`);
    expect(uncached.status).toBe(503);
    cms.up = true;
  });

  it('gives every Redis entry a lifetime', async () => {
    const keys = await pageKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(CACHE_TTL_S);
    }
  });

  it('forgets a page after NUXT_CACHE_TTL in the process’s own cache too', async () => {
    cms.up = true;
    const path = localizedPath('fr', 'job-sheets');
    expect((await get(inProcess, path)).status).toBe(200);
    cms.up = false;
    // Past its lifetime the entry is gone: the page has to be rendered, and without the CMS it cannot.
    await expect.poll(() => get(inProcess, path).then((r) => r.status), { timeout: 15_000, interval: 500 }).toBe(503);
    cms.up = true;
  });

  it('every list’s filters are parameters the page cache keeps', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const list of [
      'modules',
      'job-sheets',
      'organisations',
      'training-sessions',
      'training-sessions-past',
      'job-offers',
    ] as const) {
      const path = localizedPath('en', list);
      await page.goto(path);
      const fields = await page
        .locator('form.filters [name]')
        .evaluateAll((elements) => elements.map((e) => e.getAttribute('name')!));
      expect(fields.length, list).toBeGreaterThan(0);
      expect(
        fields.filter((name) => !pageQueryParams(path).includes(name)),
        list,
      ).toEqual([]);
    }
    await context.close();
  });

  it('a page asked with parameters it does not read hydrates as the page it is, its links without them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    for (const locale of LOCALES.slice(0, 2)) {
      await page.goto(`${localizedPath(locale, 'modules')}?utm_source=newsletter&level=advanced`, {
        waitUntil: 'networkidle',
      });
      await page.waitForFunction(
        () =>
          (document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$nuxt?.isHydrating === false,
      );
      expect(await page.locator('select[name="level"]').inputValue()).toBe('advanced');
      const hrefs = await page
        .locator('a[hreflang]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).not.toContain('utm_source');
    }
    expect(problems).toEqual([]);
    expect(new URL(page.url()).origin).toBe(SITE_URL);
    await context.close();
  });
});

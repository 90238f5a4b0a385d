import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { localizedPath } from '#shared/routes';
import { CMS_URL, html, launchChromium, newContext, SITE_URL } from './helpers';
import { startSite, stop } from '../../scripts/servers.mjs';
import { signPurge } from '../../server/utils/signatures';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

// The publishing pipeline as an editor lives it, against the real CMS and the built site: the
// admin's preview panel (the URL the CMS's preview handler gives), then publish, edit, unpublish
// and delete in the content manager, each reaching the cached pages within seconds (the CMS's
// change log → purge of the tagged pages). Waits poll with a deadline.
const MODULE = 'api::module.module';
const HOME = 'api::home.home';
const DEADLINE_MS = 15_000;

let browser: Browser;
let admin: string;

async function adminApi(path: string, init: RequestInit = {}) {
  const response = await fetch(`${CMS_URL}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...(init.headers ?? {}) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A module draft in French only, as an editor creates it in the content manager. */
async function draftModule(label: string) {
  const slug = `pipeline-${label}-${Date.now().toString(36)}`;
  const title = `Module ${label} ${Date.now().toString(36)}`;
  const created = await adminApi(`/content-manager/collection-types/${MODULE}?locale=fr`, {
    method: 'POST',
    body: JSON.stringify({ title, slug, level: 'discovery', summary: `Résumé de ${title}.` }),
  });
  return { documentId: created.data.documentId as string, slug, title };
}

const publish = (documentId: string) =>
  adminApi(`/content-manager/collection-types/${MODULE}/${documentId}/actions/publish?locale=fr`, {
    method: 'POST',
    body: '{}',
  });
const unpublish = (documentId: string) =>
  adminApi(`/content-manager/collection-types/${MODULE}/${documentId}/actions/unpublish?locale=fr`, {
    method: 'POST',
    body: '{}',
  });
const remove = (documentId: string) =>
  adminApi(`/content-manager/collection-types/${MODULE}/${documentId}?locale=fr`, { method: 'DELETE' });

/** The preview link the admin's preview panel opens. */
async function previewUrl(uid: string, documentId: string, locale: string, status = 'draft') {
  const { data } = await adminApi(
    `/content-manager/preview/url/${uid}?documentId=${documentId}&locale=${locale}&status=${status}`,
  );
  return data.url as string;
}

/** Polls `check` until it holds or the deadline passes (then fails with what it saw last). */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = DEADLINE_MS) {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sitemap = async () => (await fetch(`${SITE_URL}/sitemap.xml`)).text();

beforeAll(async () => {
  browser = await launchChromium();
  const email = process.env.CMS_ADMIN_EMAIL;
  const password = process.env.CMS_ADMIN_PASSWORD;
  if (!email || !password) throw new Error('CMS_ADMIN_EMAIL and CMS_ADMIN_PASSWORD come from scripts/test.mjs');
  const login = await fetch(`${CMS_URL}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  admin = ((await login.json()) as any).data.token;
});

afterAll(async () => {
  await browser?.close();
});

describe('the preview', () => {
  it("shows a never-published module in French, on its real page, with the banner, through the CMS's link", async () => {
    const draft = await draftModule('preview');
    const url = await previewUrl(MODULE, draft.documentId, 'fr');
    expect(new URL(url).origin).toBe(new URL(SITE_URL).origin);
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(localizedPath('fr', 'modules', draft.slug));
    await expect.poll(() => page.locator('h1').textContent()).toBe(draft.title);
    const banner = page.getByRole('status').filter({ hasText: 'Aperçu — non publié' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const headers = response!.headers();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-robots-tag']).toMatch(/noindex/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors http:\/\/(127\.0\.0\.1|localhost):\d+/);
    expect(headers['x-frame-options']).toBeUndefined();
    // Hydrated without a request for the draft from the browser: no token there, none needed.
    expect(await page.content()).not.toContain(process.env.CMS_PREVIEW_TOKEN!);
    await context.close();
    // Not public: the page itself is the 404, the sitemap does not list it, and other pages still refuse framing.
    expect((await html(localizedPath('fr', 'modules', draft.slug))).status).toBe(404);
    expect(await sitemap()).not.toContain(draft.slug);
    expect((await html(localizedPath('fr', 'modules'))).headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'none'/,
    );
    await remove(draft.documentId);
  });

  it('answers a changed or expired link with the localized 404, never the draft', async () => {
    const draft = await draftModule('tampered');
    const url = new URL(await previewUrl(MODULE, draft.documentId, 'fr'));
    const variants: Array<[string, (u: URL) => void]> = [
      ['signature', (u) => u.searchParams.set('sig', `${u.searchParams.get('sig')!.slice(0, -2)}xx`)],
      ['status', (u) => u.searchParams.set('status', 'published')],
      ['expiry', (u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 600))],
      ['expired', (u) => u.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1))],
    ];
    for (const [name, change] of variants) {
      const tampered = new URL(url);
      change(tampered);
      const response = await html(`${tampered.pathname}${tampered.search}`);
      expect(response.status, name).toBe(404);
      expect(response.body, name).toContain('Page introuvable');
      expect(response.body, name).not.toContain(draft.title);
      // Never stored (Nitro sends its 404s with no-cache; the page cache keeps 200s only).
      expect(response.headers.get('cache-control'), name).toMatch(/no-(store|cache)/);
    }
    // The real page with a forged preview token: the 404 too.
    const forged = await html(
      `${localizedPath('fr', 'modules', draft.slug)}?preview=module.${draft.documentId}.fr.draft.${Math.floor(Date.now() / 1000) + 60}.forged`,
    );
    expect(forged.status).toBe(404);
    expect(forged.body).not.toContain(draft.title);
    await remove(draft.documentId);
  });

  it('is never cached: after publishing an edit, the next preview and the page show the new state', async () => {
    const draft = await draftModule('fresh');
    await publish(draft.documentId);
    // An edit pending: the preview shows it, the public page the published version.
    await adminApi(`/content-manager/collection-types/${MODULE}/${draft.documentId}?locale=fr`, {
      method: 'PUT',
      body: JSON.stringify({ title: `${draft.title} (modifié)` }),
    });
    const follow = async (url: string) => {
      const landing = await fetch(url, { redirect: 'manual' });
      expect(landing.status).toBe(302);
      expect(landing.headers.get('cache-control')).toBe('no-store');
      const page = await fetch(new URL(landing.headers.get('location')!, SITE_URL));
      return { status: page.status, cacheControl: page.headers.get('cache-control'), body: await page.text() };
    };
    const pending = await follow(await previewUrl(MODULE, draft.documentId, 'fr'));
    expect(pending.body).toContain(`${draft.title} (modifié)`);
    expect(pending.cacheControl).toBe('no-store');
    expect((await html(localizedPath('fr', 'modules', draft.slug))).body).toContain(`<h1>${draft.title}</h1>`);
    // The published tab's preview shows what is public.
    expect((await follow(await previewUrl(MODULE, draft.documentId, 'fr', 'published'))).body).toContain(
      `<h1>${draft.title}</h1>`,
    );
    await unpublish(draft.documentId);
    const again = await follow(await previewUrl(MODULE, draft.documentId, 'fr'));
    expect(again.body).toContain(`${draft.title} (modifié)`);
    await remove(draft.documentId);
  });
});

describe('publish, unpublish, delete', () => {
  it('publish → the list, the detail and the sitemap show it within seconds, while other pages stay cached', async () => {
    const list = localizedPath('fr', 'modules');
    const other = localizedPath('es', 'modules');
    await html(list);
    await html(other);
    expect((await html(list)).headers.get('x-page-cache')).toBe('hit');
    const draft = await draftModule('publish');
    const detail = localizedPath('fr', 'modules', draft.slug);
    expect((await html(detail)).status).toBe(404);
    await publish(draft.documentId);
    await eventually('the list shows it', async () => (await html(list)).body.includes(draft.title));
    await eventually('the detail shows it', async () => (await html(detail)).status === 200);
    await eventually('the sitemap lists it', async () => (await sitemap()).includes(draft.slug));
    // A page the change does not touch kept its cached copy.
    expect((await html(other)).headers.get('x-page-cache')).toBe('hit');
    await remove(draft.documentId);
  });

  it('unpublish → the detail is the 404 and the list and sitemap drop it, within seconds', async () => {
    const draft = await draftModule('unpublish');
    await publish(draft.documentId);
    const list = localizedPath('fr', 'modules');
    const detail = localizedPath('fr', 'modules', draft.slug);
    await eventually(
      'published',
      async () => (await html(detail)).status === 200 && (await html(list)).body.includes(draft.title),
    );
    expect((await html(detail)).headers.get('x-page-cache')).toBe('hit');
    await unpublish(draft.documentId);
    await eventually('the detail is the 404', async () => (await html(detail)).status === 404);
    const gone = await html(detail);
    expect(gone.body).toContain('Page introuvable');
    await eventually('the list drops it', async () => !(await html(list)).body.includes(draft.title));
    await eventually('the sitemap drops it', async () => !(await sitemap()).includes(draft.slug));
    await remove(draft.documentId);
  });

  it('delete → the same', async () => {
    const draft = await draftModule('delete');
    await publish(draft.documentId);
    const list = localizedPath('fr', 'modules');
    const detail = localizedPath('fr', 'modules', draft.slug);
    await eventually(
      'published',
      async () => (await html(detail)).status === 200 && (await sitemap()).includes(draft.slug),
    );
    await remove(draft.documentId);
    await eventually('the detail is the 404', async () => (await html(detail)).status === 404);
    await eventually('the list drops it', async () => !(await html(list)).body.includes(draft.title));
    await eventually('the sitemap drops it', async () => !(await sitemap()).includes(draft.slug));
  });

  it('an edit of the home, published, shows on the home within seconds', async () => {
    const home = localizedPath('fr', 'index');
    await html(home);
    const { data } = await adminApi(`/content-manager/single-types/${HOME}?locale=fr`);
    const before = data.heroTitle as string;
    const heroTitle = `Bienvenue ${Date.now().toString(36)}`;
    try {
      await adminApi(`/content-manager/single-types/${HOME}/actions/publish?locale=fr`, {
        method: 'POST',
        body: JSON.stringify({ ...data, heroTitle }),
      });
      await eventually('the home shows it', async () => (await html(home)).body.includes(heroTitle));
    } finally {
      await adminApi(`/content-manager/single-types/${HOME}/actions/publish?locale=fr`, {
        method: 'POST',
        body: JSON.stringify({ ...data, heroTitle: before }),
      });
    }
  });

  it('a page whose entry the CMS says is gone is the 404 once its copy is stale, never the last good render, even unpurged', async () => {
    // A site of its own that no purge reaches (not in the CMS's SITE_PURGE_URLS), fresh for 1 s:
    // past that the CMS's answer decides, and "not found" is not "unreachable" (nitro#1992).
    const unpurged = await startSite(process.env.SITE_OUTPUT_DIR!, CMS_URL, { env: { NUXT_CONTENT_TTL: '1' } });
    try {
      const draft = await draftModule('unpurged');
      await publish(draft.documentId);
      const detail = `${unpurged.url}${localizedPath('fr', 'modules', draft.slug)}`;
      await eventually('published', async () => (await fetch(detail)).status === 200);
      expect((await fetch(detail)).headers.get('x-page-cache')).toBe('hit');
      await unpublish(draft.documentId);
      await eventually('the 404 past the TTL', async () => (await fetch(detail)).status === 404, 10_000);
      // And it stays the 404: the stale copy is not served in its place.
      for (let n = 0; n < 3; n++) expect((await fetch(detail)).status).toBe(404);
      await remove(draft.documentId);
    } finally {
      await stop(unpurged.child);
    }
  });
});

describe('the purge endpoint', () => {
  const purge = (url: string, body: string, signature?: string) =>
    fetch(`${url}/api/cache/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-purge-signature': signature } : {}) },
      body,
    });

  it('refuses unsigned, badly signed, old and replayed purges, and empties nothing then', async () => {
    const secret = process.env.SITE_PURGE_SECRET!;
    const list = localizedPath('it', 'modules');
    await html(list);
    expect((await html(list)).headers.get('x-page-cache')).toBe('hit');
    const body = JSON.stringify({ tags: ['list:module:it'], at: Date.now(), nonce: randomUUID() });
    expect((await purge(SITE_URL, body)).status).toBe(401);
    expect((await purge(SITE_URL, body, signPurge('not-the-secret-0123456789', body))).status).toBe(401);
    expect((await purge(SITE_URL, body, signPurge(secret, body, Date.now() - 10 * 60_000))).status).toBe(401);
    expect((await purge(SITE_URL, `${body} `, signPurge(secret, body))).status).toBe(401);
    expect((await html(list)).headers.get('x-page-cache')).toBe('hit');
    const signature = signPurge(secret, body);
    expect((await purge(SITE_URL, body, signature)).status).toBe(204);
    expect((await html(list)).headers.get('x-page-cache')).toBeNull();
    expect((await purge(SITE_URL, body, signature)).status).toBe(409);
  });

  it('with Redis, one purge reaches the pages every replica cached', async () => {
    const prefix = `academy:test:purge:${Date.now().toString(36)}`;
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      NUXT_CACHE_REDIS_PREFIX: prefix,
      SITE_PURGE_SECRET: process.env.SITE_PURGE_SECRET!,
    };
    const [one, two] = [
      await startSite(process.env.SITE_OUTPUT_DIR!, CMS_URL, { env }),
      await startSite(process.env.SITE_OUTPUT_DIR!, CMS_URL, { env }),
    ];
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const path = localizedPath('es', 'modules');
      expect((await fetch(`${one.url}${path}`)).status).toBe(200);
      await expect.poll(async () => (await fetch(`${two.url}${path}`)).headers.get('x-page-cache')).toBe('hit');
      const body = JSON.stringify({ tags: ['list:module:es'], at: Date.now(), nonce: randomUUID() });
      expect((await purge(one.url, body, signPurge(process.env.SITE_PURGE_SECRET!, body))).status).toBe(204);
      // The other replica's next reader gets the page rendered anew, and the nonce is spent for both.
      expect((await fetch(`${two.url}${path}`)).headers.get('x-page-cache')).toBeNull();
      expect((await purge(two.url, body, signPurge(process.env.SITE_PURGE_SECRET!, body))).status).toBe(409);
    } finally {
      await stop(one.child);
      await stop(two.child);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});

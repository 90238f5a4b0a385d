import { describe, expect, it } from 'vitest';
import { localizedPath, selfServicePath } from '#shared/routes';
import { html } from '../browser/helpers';
import { startSite, stop } from '../../scripts/servers.mjs';
import { REGISTRATION_SESSIONS } from '../../scripts/cms-fixtures.mjs';

// Runs after the browser suite (scripts/test.mjs): it stops the CMS. Cached pages still answer,
// fresh or past their TTL (stale-if-error: the failed refresh keeps the cached copy); a page never
// cached gets the localized 503 page.
describe('when the CMS is down', () => {
  it('serves cached pages, also past their TTL, and a localized 503 for the others', async () => {
    const cached = localizedPath('es', 'jobs');
    // A second site whose pages are fresh for 1 s only: its copy is stale when the CMS goes.
    const shortLived = await startSite(process.env.SITE_OUTPUT_DIR!, process.env.CMS_URL!, { env: { NUXT_CONTENT_TTL: '1' } });
    try {
      expect((await html(cached)).status).toBe(200);
      expect((await fetch(`${shortLived.url}${cached}`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // past the second site's TTL: stale
      process.kill(Number(process.env.CMS_PID), 'SIGTERM');
      await expect.poll(async () => fetch(`${process.env.CMS_URL}/graphql`).then(() => 'up', () => 'down'), { timeout: 30_000 }).toBe('down');
      for (let i = 0; i < 2; i++) {
        const again = await html(cached);
        expect(again.status).toBe(200);
        expect(again.body).toContain('<h1>Jobpedia: las profesiones digitales</h1>');
        const stale = await fetch(`${shortLived.url}${cached}`);
        expect(stale.status).toBe(200);
        expect(await stale.text()).toContain('<h1>Jobpedia: las profesiones digitales</h1>');
      }
    } finally {
      await stop(shortLived.child);
    }
    const uncached = await html(`${localizedPath('it', 'jobs')}?competence=5.1`);
    expect(uncached.status).toBe(503);
    expect(uncached.body).toContain('Temporaneamente non disponibile');
    expect(uncached.body).toMatch(/<html[^>]* lang="it"/);
    expect(uncached.body).not.toMatch(/at \S+ \(|node_modules/);
    // A registration form sent meanwhile: a localized 503, stored by no cache.
    const posted = await fetch(`${process.env.SITE_URL}${localizedPath('it', 'trainings', REGISTRATION_SESSIONS.open.slug)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ fullName: 'Durante Guasto', email: 'guasto@example.org', consent: 'yes', formToken: 'x' }).toString(),
    });
    expect(posted.status).toBe(503);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const postedBody = await posted.text();
    expect(postedBody).toContain('Temporaneamente non disponibile');
    expect(postedBody).toMatch(/<html[^>]* lang="it"/);
  });

  it('answers the self-service page and its download with a localized 503, never cached', async () => {
    const token = 'A'.repeat(43); // a well-formed token: the site has to ask the CMS
    const page = await html(`${selfServicePath('fr')}?token=${token}`);
    expect(page.status).toBe(503);
    expect(page.body).toContain('Momentanément indisponible');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const download = await fetch(`${process.env.SITE_URL}/api/self-service/data?token=${token}&locale=fr`);
    expect(download.status).toBe(503);
    expect(download.headers.get('cache-control')).toBe('no-store');
    // A form post that cannot reach the CMS is sent back to the page with a "try again" notice.
    const post = await fetch(`${process.env.SITE_URL}${selfServicePath('fr')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, action: 'cancel', confirm: 'yes' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`${selfServicePath('fr')}?token=${token}&notice=failed`);
  });
});

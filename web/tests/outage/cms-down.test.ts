import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizedPath, selfServicePath } from '#shared/routes';
import { expectNoLeak, html } from '../browser/helpers';
import { startSite, stop } from '../../scripts/servers.mjs';
import { REGISTRATION_SESSIONS } from '../../scripts/cms-fixtures.mjs';

// Runs after the browser suite (scripts/test.mjs): it stops the CMS. Cached pages still answer,
// fresh or past their TTL (stale-if-error: the failed refresh keeps the cached copy); a page never
// cached gets the localized 503 page.
describe('when the CMS is down', () => {
  it('serves cached pages, also past their TTL, and a localized 503 for the others', async () => {
    const cached = localizedPath('es', 'job-sheets');
    // A second site whose pages are fresh for 1 s only: its copy is stale when the CMS goes.
    const shortLived = await startSite(process.env.SITE_OUTPUT_DIR!, process.env.CMS_URL!, {
      env: { NUXT_CONTENT_TTL: '1' },
    });
    try {
      expect((await html(cached)).status).toBe(200);
      expect((await fetch(`${shortLived.url}${cached}`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // past the second site's TTL: stale
      process.kill(Number(process.env.CMS_PID), 'SIGTERM');
      await expect
        .poll(
          async () =>
            fetch(`${process.env.CMS_URL}/graphql`).then(
              () => 'up',
              () => 'down',
            ),
          { timeout: 30_000 },
        )
        .toBe('down');
      // The cached page, also under parameters no page reads (the page cache keys on what the page
      // reads: such a URL cannot be rendered now, so a 200 can only come from the cache).
      for (const path of [
        cached,
        cached,
        `${cached}?u=${randomBytes(6).toString('hex')}`,
        `${cached}?utm_source=newsletter`,
      ]) {
        const again = await html(path);
        expect(again.status, path).toBe(200);
        expect(again.body, path).toContain('<h1>Jobpedia: las profesiones digitales</h1>');
        const stale = await fetch(`${shortLived.url}${path}`);
        expect(stale.status, path).toBe(200);
        expect(await stale.text(), path).toContain('<h1>Jobpedia: las profesiones digitales</h1>');
      }
    } finally {
      await stop(shortLived.child);
    }
    const uncached = await html(`${localizedPath('it', 'job-sheets')}?competence=5.1`);
    expect(uncached.status).toBe(503);
    expect(uncached.body).toContain('Temporaneamente non disponibile');
    expect(uncached.body).toMatch(/<html[^>]* lang="it"/);
    // Nothing of the failure in the page or its payload: no stack, no "fetch failed", no CMS address.
    expectNoLeak(uncached.body, 'the 503 page');
    // A registration form sent meanwhile: a localized 503, stored by no cache.
    const posted = await fetch(
      `${process.env.SITE_URL}${localizedPath('it', 'training-sessions', REGISTRATION_SESSIONS.open.slug)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({
          fullName: 'Durante Guasto',
          email: 'guasto@example.org',
          consent: 'yes',
          formToken: 'x',
        }).toString(),
      },
    );
    expect(posted.status).toBe(503);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const postedBody = await posted.text();
    expect(postedBody).toContain('Temporaneamente non disponibile');
    expect(postedBody).toMatch(/<html[^>]* lang="it"/);
  });

  it('says nothing of the failure in any error response, page, JSON, GraphQL or upload', async () => {
    const targets = [
      `${localizedPath('fr', 'modules')}?level=advanced`,
      localizedPath('en', 'modules', 'no-such-module'),
      '/graphql',
      '/uploads/a.png',
      '/api/__sitemap__/urls',
      '/sitemap.xml',
    ];
    for (const path of targets) {
      for (const accept of ['text/html', 'application/json']) {
        const response = await fetch(`${process.env.SITE_URL}${path}`, { headers: { accept } });
        expectNoLeak(await response.text(), `${path} (${accept})`);
      }
    }
    const graphql = await fetch(`${process.env.SITE_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ modules { title } }' }),
    });
    expect(graphql.status).toBe(502);
    expectNoLeak(await graphql.text(), 'POST /graphql');
  });

  it('answers the self-service page and its download with a localized 503, never cached, and never logs a token', async () => {
    // Well-formed tokens (the site has to ask the CMS), of this test only.
    const [token, downloadToken, formToken] = [0, 1, 2].map(() => randomBytes(32).toString('base64url'));
    const page = await html(`${selfServicePath('fr')}?token=${token}`);
    expect(page.status).toBe(503);
    expect(page.body).toContain('Momentanément indisponible');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const download = await fetch(`${process.env.SITE_URL}/api/self-service/data?token=${downloadToken}&locale=fr`);
    expect(download.status).toBe(503);
    expect(download.headers.get('cache-control')).toBe('no-store');
    // A form post that cannot reach the CMS is sent back to the page with a "try again" notice.
    const post = await fetch(`${process.env.SITE_URL}${selfServicePath('fr')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: formToken, action: 'cancel', confirm: 'yes' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`${selfServicePath('fr')}?token=${formToken}&notice=failed`);
    // The site's log (everything its process wrote during the whole suite, scripts/test.mjs) names
    // these requests (the failed page is logged with its URL), but none of the tokens.
    const log = () => readFileSync(process.env.SITE_LOG!, 'utf8');
    await expect.poll(log, { timeout: 10_000 }).toContain(`${selfServicePath('fr')}?token=[redacted]`);
    for (const secret of [token, downloadToken, formToken]) expect(log()).not.toContain(secret);
    // Nor any other: the suite's registrants opened their mailed links too.
    expect(log()).not.toMatch(/token(=|%3D)[A-Za-z0-9_-]{43}/i);
  });
});

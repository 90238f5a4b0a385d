import { describe, expect, it } from 'vitest';
import { localizedPath } from '#shared/routes';
import { expectNoLeak, html, SITE_URL } from './helpers';
import italian from '../../i18n/locales/it.json';

// Error responses of the production build, as an attacker probes them (issue 9, finding 3): they
// say what went wrong in the reader's language and nothing more (no stack, no error details, no
// address of the CMS), and Nuxt's internal error page cannot be driven from outside.

describe('error responses', () => {
  it('/__nuxt_error is not reachable from outside and shows nothing of its query', async () => {
    const probe = 'p7f3a';
    const query = new URLSearchParams({
      statusCode: '418',
      statusMessage: `status-${probe}`,
      message: `message-${probe}`,
      stack: `stack-${probe}`,
      data: JSON.stringify({ secret: `data-${probe}` }),
      url: `/url-${probe}`,
      description: `description-${probe}`,
    });
    for (const accept of ['text/html', 'application/json', '*/*']) {
      for (const extra of [{}, { 'x-nuxt-error': 'true' }]) {
        const response = await fetch(`${SITE_URL}/__nuxt_error?${query}`, { headers: { accept, ...extra } });
        const body = await response.text();
        expect(response.status, accept).toBe(404);
        expect(body, accept).not.toContain(probe);
        expect(body, accept).not.toContain('418');
      }
    }
  });

  it('a client cannot get Nuxt’s bare error page instead of the site’s: x-nuxt-error changes nothing', async () => {
    const path = `${localizedPath('it', 'modules', 'no-such-module')}?probe=p7f3a`;
    for (const headers of [{}, { 'x-nuxt-error': 'true' }]) {
      const { status, body } = await html(path, headers);
      expect(status).toBe(404);
      expect(body).toMatch(/<html[^>]* lang="it"/);
      expect(body).toContain(italian.error.notFound.title);
      expect(body).not.toMatch(/\| Nuxt<\/title>/);
      expectNoLeak(body, path);
    }
  });

  it('error pages and error JSON carry no stack, no error details, no address of the CMS', async () => {
    const targets = [
      localizedPath('fr', 'modules', 'no-such-module'),
      '/no-such-page',
      '/uploads/no-such-file.png',
      '/__nuxt_island/x',
    ];
    for (const path of targets) {
      for (const accept of ['text/html', 'application/json']) {
        const response = await fetch(`${SITE_URL}${path}`, { headers: { accept } });
        expect(response.status, `${path} (${accept})`).toBeGreaterThanOrEqual(400);
        expectNoLeak(await response.text(), `${path} (${accept})`);
      }
    }
  });
});

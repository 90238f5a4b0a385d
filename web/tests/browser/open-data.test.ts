import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, localizedPath } from '#shared/routes';
import { launchChromium, newContext, SITE_URL } from './helpers';

// The open-data page (/{locale}/open-data) and its files on the site's own origin
// (server/routes/open-data/, from the CMS's cms/src/open-data/). Every page type's axe, HTML and
// structured-data checks include this page (helpers.ts STATIC); here: what a reuser does with it.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('open data', () => {
  it('lists every data set with its licence and files that download from the site itself', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    for (const locale of LOCALES) {
      await page.goto(localizedPath(locale, 'open-data'));
      const sections = page.locator('main section');
      expect(await sections.count(), locale).toBe(5);
      expect(await page.locator('a[rel="license"]').allTextContents()).toEqual([
        'CC BY 4.0',
        'CC BY 4.0',
        'CC BY-SA 4.0',
        'CC BY-SA 4.0',
        'CC BY-SA 4.0',
      ]);
      const links = await page
        .locator('main section a:not([rel="license"])')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('type')]));
      expect(links.map(([href]) => href)).toContain(`/open-data/${locale}/atlas.geojson`);
      for (const [href, type] of links) {
        expect(href, href!).toMatch(new RegExp(`^/open-data/${locale}/`));
        const response = await fetch(`${SITE_URL}${href}`);
        expect(response.status, href!).toBe(200);
        expect(response.headers.get('content-type'), href!).toContain(type!);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        // The licence travels with every file (a Link header; in the body too where the format has room).
        expect(response.headers.get('link'), href!).toMatch(
          /^<https:\/\/creativecommons\.org\/licenses\/by(-sa)?\/4\.0\/>; rel="license"$/,
        );
        const body = await response.text();
        if (!href!.endsWith('.csv')) expect(body, href!).toMatch(/creativecommons\.org\/licenses\/by(-sa)?\/4\.0/);
      }
    }
    expect([...hosts]).toEqual([new URL(SITE_URL).host]);
    await context.close();
  });

  it('gives a subscribable calendar that a client revalidates, and nothing but the known files', async () => {
    const first = await fetch(`${SITE_URL}/open-data/fr/trainings.ics`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('BEGIN:VCALENDAR');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toContain('no-cache');
    const again = await fetch(`${SITE_URL}/open-data/fr/trainings.ics`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    for (const path of ['/open-data/de/atlas.csv', '/open-data/en/registrations.csv'])
      expect((await fetch(`${SITE_URL}${path}`)).status, path).toBe(404);
    const catalog = await fetch(`${SITE_URL}/open-data/catalog.jsonld`);
    expect((await catalog.json())['@type']).toBe('dcat:Catalog');
  });
});

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, searchPath } from '#shared/routes';
import { firstLoadJs } from '../../scripts/lib/first-load-js.mjs';
import { html, launchChromium, newContext, SITE_URL } from './helpers';
import english from '../../i18n/locales/en.json';
import french from '../../i18n/locales/fr.json';
import spanish from '../../i18n/locales/es.json';

// The header's search box and the results page, driven in Chromium with and without JavaScript
// against the real CMS (its embedded index over the demo content).
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SEARCH_PATHS = { fr: '/fr/recherche', en: '/en/search', it: '/it/cerca', es: '/es/buscar' };

async function searchFromHeader(page: Page, startPath: string, words: string) {
  await page.goto(startPath);
  const box = page.getByRole('search').first().getByRole('searchbox');
  await box.fill(words);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
}

describe('search', () => {
  it('has one path per language, as the URL contract says', () => {
    for (const locale of LOCALES) expect(searchPath(locale)).toBe(SEARCH_PATHS[locale]);
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`finds "cybersecurite" from the header of any page, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await searchFromHeader(page, '/fr/metiers', 'cybersecurite');
      expect(new URL(page.url()).pathname).toBe('/fr/recherche');
      const status = page.getByRole('status');
      await expect.poll(() => status.textContent()).toMatch(/\d+ résultats pour « cybersecurite »/);
      const first = page.locator('.search-result').first();
      expect(await first.getByRole('link').textContent()).toContain('cybersécurité');
      // The matched words are marked, the excerpt's text shown as text.
      const marks = await page.locator('.search-result mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.some((m) => m.toLowerCase().startsWith('cybers'))).toBe(true);
      // The result leads to the entry's page.
      await first.getByRole('link').click();
      await page.waitForURL(/\/fr\/modules\/[a-z0-9-]+$/);
      await expect.poll(() => page.locator('h1').textContent()).toContain('cybersécurité');
      await context.close();
    });
  }

  it('narrows to one type with counted links, and pages', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/search?q=data');
    const filters = page.getByRole('navigation', { name: english.search.filterLabel });
    const jobs = filters.getByRole('link', { name: new RegExp(`^${english.search.types.jobSheet} \\(\\d+\\)$`) });
    const count = Number((await jobs.textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(0);
    await jobs.click();
    await page.waitForURL('**/en/search?q=data&type=jobSheet');
    expect(await filters.locator('[aria-current="page"]').textContent()).toContain(english.search.types.jobSheet);
    const types = await page.locator('.search-result__type').allTextContents();
    expect(types.length).toBe(Math.min(count, 10));
    for (const type of types) expect(type.trim()).toBe(english.search.types.jobSheet);
    expect(await page.getByRole('status').textContent()).toBe(`${count} results for “data”`);
    await context.close();
  });

  it('says when nothing matched, suggests near words and the lists to browse', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/es/buscar?q=cibrseguridadx');
    expect(await page.getByRole('status').textContent()).toBe('Ningún resultado para «cibrseguridadx»');
    const none = page.getByRole('region', { name: spanish.search.noneTitle });
    const suggestion = none.getByRole('link', { name: /ciberseguridad/i }).first();
    await suggestion.click();
    await page.waitForURL(/q=ciberseguridad/i);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    await page.goto('/es/buscar?q=zzzzqqqq');
    expect(
      await page
        .getByRole('region', { name: spanish.search.noneTitle })
        .getByRole('link', { name: 'Atlas' })
        .getAttribute('href'),
    ).toBe('/es/atlas');
    await context.close();
  });

  it('never runs markup typed by a reader, and refuses an overlong query in the reader’s language', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`/fr/recherche?q=${encodeURIComponent('<img src=x onerror=alert(1)> données')}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.goto(`/fr/recherche?q=${'a'.repeat(201)}`);
    expect(await page.getByRole('status').textContent()).toBe(french.search.tooLong.replace('{max}', '200'));
    await context.close();
  });

  it('is never indexed, cached or listed in the sitemap', async () => {
    const { status, body } = await html('/en/search?q=data');
    expect(status).toBe(200);
    expect(body).toMatch(/<meta name="robots" content="noindex, follow"/);
    const sitemap = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    for (const path of Object.values(SEARCH_PATHS)) expect(sitemap).not.toContain(`${SITE_URL}${path}`);
  });

  it('has no axe violation and stays within the first-load JavaScript budget', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of [
      '/en/search',
      '/fr/recherche?q=donnees',
      '/it/cerca?q=cooperative&type=module',
      '/es/buscar?q=zzzzqqqq',
    ]) {
      await page.goto(path, { waitUntil: 'networkidle' });
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      for (const v of result.violations)
        violations.push(
          `${path}: ${v.id} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
        );
      const { total } = await firstLoadJs(context, path);
      expect(total, path).toBeGreaterThan(30 * 1024);
      expect(total, path).toBeLessThanOrEqual(100 * 1024);
    }
    expect(violations).toEqual([]);
    await context.close();
  }, 300_000);
});

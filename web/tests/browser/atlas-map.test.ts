import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadJs } from '../../scripts/lib/first-load-js.mjs';
import { launchChromium, newContext, SITE_URL } from './helpers';

// The Atlas's map view (`?view=map`: pages/organisations/index.vue, OrganisationMap.vue):
// clusters from the CMS per viewport, Leaflet over the site's own basemap, reachable by keyboard.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits for the map's markers and gives the organisations they hold (their `data-count`). */
async function mapped(page: Page): Promise<number> {
  await page.locator('[data-testid="atlas-map"][aria-busy="false"] .atlas-marker').first().waitFor();
  await page.waitForLoadState('networkidle');
  return page
    .locator('.atlas-marker')
    .evaluateAll((markers) => markers.reduce((n, m) => n + Number(m.getAttribute('data-count') ?? 0), 0));
}
const listed = async (page: Page) =>
  Number((await page.locator('.filters').innerText()).match(/(\d+) organisations?/)?.[1]);

describe('the Atlas map', () => {
  it('opens from the list, with dots from the site alone, a legend and a visible skip link', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto('/en/atlas');
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.waitForURL(/view=map/);
    const count = await mapped(page);
    expect(count).toBeGreaterThan(50);
    expect(await page.locator('.atlas-map__legend li').count()).toBe(9);
    const skip = page.getByRole('link', { name: 'Skip the map' });
    expect(await skip.isVisible()).toBe(true);
    expect(await skip.getAttribute('href')).toBe('#atlas-list');
    // The basemap is drawn (Natural Earth outlines, from the site).
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(30);
    expect([...hosts]).toEqual([new URL(SITE_URL).host]);
    await context.close();
  });

  it('reaches a dot by keyboard and lists its organisations with links', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/en/atlas?view=map');
    await mapped(page);
    await page.getByRole('link', { name: 'Skip the map' }).focus();
    // Tab past the skip link into the map: its zoom buttons, then its markers.
    let focused = '';
    for (let i = 0; i < 40 && !focused.includes('atlas-marker'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('atlas-marker');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
    await page.keyboard.press('Enter');
    const heading = page.getByTestId('atlas-map-opened');
    await heading.waitFor();
    expect(await heading.innerText()).toBe(label);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('atlas-map-opened');
    const links = await page
      .locator('.atlas-map__side li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/en\/atlas\/[a-z0-9-]+$/);
    const target = await fetch(`${SITE_URL}${links[0]}`);
    expect(target.status).toBe(200);
    await context.close();
  });

  it('applies the filters to the map and keeps the map view when they change', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/en/atlas?view=map');
    const all = await mapped(page);
    await page.selectOption('#filter-country', 'IT');
    await page.waitForURL(/country=IT/);
    expect(page.url()).toContain('view=map');
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('.atlas-marker')].reduce((n, m) => n + Number(m.getAttribute('data-count')), 0) <
        before,
      all,
    );
    const italian = await mapped(page);
    expect(italian).toBe(await listed(page));
    expect(italian).toBeLessThan(all);
    await context.close();
  });

  it('shows the list without JavaScript, and passes axe with the map open', async () => {
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto('/en/atlas?view=map&country=FR');
    expect(await plain.locator('#atlas-list article, #atlas-list li').count()).toBeGreaterThan(0);
    // Said in a <noscript> (which selectors do not see): read the page as served.
    expect(await plain.content()).toMatch(/<noscript[^>]*><p[^>]*>The map needs JavaScript/);
    await noJs.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/fr/atlas?view=map');
    await mapped(page);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });

  it('keeps the first load under budget: Leaflet only comes when the map opens', async () => {
    const context = await newContext(browser);
    const list = await firstLoadJs(context, '/en/atlas');
    expect(list.total / 1024).toBeLessThanOrEqual(100);
    // The map view loads Leaflet and the map (some 40 KB gzip) on top: the list view did not.
    const map = await firstLoadJs(context, '/en/atlas?view=map');
    expect((map.total - list.total) / 1024).toBeGreaterThan(30);
    await context.close();
  });
});

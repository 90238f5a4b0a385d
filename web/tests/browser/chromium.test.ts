import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, LOCALES, localizedPath } from '#shared/routes';
import { firstLoadJs } from '../../scripts/lib/first-load-js.mjs';
import { entryOf, everyPage, launchChromium, newContext, SITE_URL } from './helpers';
import italian from '../../i18n/locales/it.json';
import french from '../../i18n/locales/fr.json';

/** "No module | 1 module | {count} modules" for `count` (the site's plural messages have 3 forms). */
function plural(message: string, count: number) {
  const forms = message.split(' | ');
  return forms[Math.min(count, 2)]!.replace('{count}', String(count));
}

// Pages driven in Debian's Chromium against the real CMS and the real built site.
const pages = await everyPage();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('in Chromium', () => {
  it('hydrates from the payload: no /graphql request, no request to another host, no console error', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const paths = [
      'index',
      'modules',
      'modules-detail',
      'organisations',
      'training-sessions-detail',
      'job-sheets-detail',
    ].map((type) => pages.find((p) => p.type === type && p.locale === 'fr')!.path);
    const trainingSessions = pages.filter((p) => p.type === 'training-sessions-detail').map((p) => p.path); // dates: ICU differs between Node and Chromium
    for (const path of [...paths, ...trainingSessions, '/fr/modules/test-only-in-english']) {
      const target = { path };
      requests.length = 0;
      await page.goto(target.path, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as any)?.__vue_app__));
      expect(
        requests.filter((url) => new URL(url).pathname === '/graphql'),
        `${target.path} fetched GraphQL on hydration`,
      ).toEqual([]);
      expect(
        requests.filter((url) => new URL(url).origin !== SITE_URL),
        `${target.path} asked another host`,
      ).toEqual([]);
    }
    // A later navigation does fetch, through the site's own /graphql. It leaves the home, whose
    // sections have not hydrated yet (they hydrate on interaction): they go without an error. The
    // header hydrates as the pointer reaches its link, which then navigates in place.
    await page.goto(paths[0]!, { waitUntil: 'networkidle' });
    await page.waitForFunction(
      () =>
        (document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$nuxt?.isHydrating === false,
    );
    requests.length = 0;
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Témoignages' }).click();
    await page.waitForURL('**/fr/temoignages');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Témoignages');
    expect(requests.some((url) => new URL(url).pathname === '/graphql')).toBe(true);
    expect(requests.filter((url) => new URL(url).origin !== SITE_URL)).toEqual([]);
    // A list of cards hydrates as the pointer reaches it: its links then navigate in place too.
    await page.goto(paths[1]!, { waitUntil: 'networkidle' });
    await page.waitForFunction(
      () =>
        (document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$nuxt?.isHydrating === false,
    );
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const card = page.locator('.cards > li h3 a').first();
    const title = (await card.textContent())!.trim();
    await card.click();
    await page.waitForURL(/\/fr\/modules\/[^/?]+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the language switcher lands on the same entry in the other language', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const section of ['modules', 'job-sheets', 'training-sessions'] as const) {
      const entry = await entryOf(section);
      await page.goto(localizedPath('en', section, entry.slugs.en));
      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        await page
          .getByRole('navigation', { name: /Languages|Langues|Lingue|Idiomas/ })
          .getByRole('link', { name: LOCALE_NAMES[locale] })
          .click();
        expect(new URL(page.url()).pathname).toBe(localizedPath(locale, section, entry.slugs[locale]));
        expect(await page.locator('h1').textContent()).toBe(entry.titles[locale]);
      }
    }
    await context.close();
  });

  it('filters the catalogue without JavaScript (GET form) and with it (no reload), with shareable URLs', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/it/moduli');
      const all = await page.locator('.cards > li').count();
      if (javaScriptEnabled) {
        // The filters react once the page has hydrated (on a loaded machine, after the load event).
        await page.waitForFunction(
          () =>
            (document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$nuxt?.isHydrating ===
            false,
        );
        await page.evaluate(() => ((window as any).__sameDocument = true));
      }
      await page.getByLabel('Livello').selectOption('advanced');
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Mostra i risultati' }).click();
      await page.waitForURL(/level=advanced/);
      await expect.poll(() => page.locator('.cards > li').count()).toBeLessThan(all);
      const filtered = await page.locator('.cards > li').count();
      expect(filtered).toBeGreaterThan(0);
      // The plural form, rendered on the server, or in the browser from the precompiled messages.
      expect(await page.getByRole('status').textContent()).toBe(plural(italian.modules.count, filtered));
      if (javaScriptEnabled) expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
      // The URL is shareable: opened fresh, it shows the same list.
      const shared = await context.newPage();
      await shared.goto(page.url());
      expect(await shared.locator('.cards > li').count()).toBe(filtered);
      if (javaScriptEnabled) {
        // Another language in the same document: its messages are fetched and shown, plurals included.
        await page.getByRole('navigation', { name: 'Lingue' }).getByRole('link', { name: 'Français' }).click();
        await page.waitForURL(/\/fr\/modules/);
        await expect.poll(() => page.locator('h1').textContent()).toBe(french.modules.title);
        const cards = await page.locator('.cards > li').count();
        expect(await page.getByRole('status').textContent()).toBe(plural(french.modules.count, cards));
        expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
      }
      await context.close();
    }
  });

  it('filters organisations (the Atlas) by country with counts, and training sessions by format', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/fr/atlas');
    const option = page.getByLabel('Pays').locator('option', { hasText: 'Italie' });
    const count = Number((await option.textContent())!.match(/\((\d+)\)/)![1]);
    await page.getByLabel('Pays').selectOption({ label: (await option.textContent())!.trim() });
    await page.getByRole('button', { name: 'Afficher les résultats' }).click();
    expect(await page.locator('.cards > li').count()).toBe(count);
    await page.goto('/en/trainings?format=online');
    const cards = await page.locator('.cards > li').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toContain('Online');
    await context.close();
  });

  it('axe finds no WCAG 2.2 AA violation on any page type in any language', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    const targets = [
      ...pages.map((p) => p.path),
      ...LOCALES.map((l) => localizedPath(l, 'modules', 'no-such-module')),
      '/fr/modules/test-only-in-english',
    ];
    for (const path of targets) {
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
    }
    expect(violations).toEqual([]);
    await context.close();
  }, 600_000);

  // Issue 3, item 7: at most 100 KB of JavaScript (gzip) on the first load of any content page
  // (94.7-99.1 KB with Nuxt 4.6.4, whose link prefetch scheduler added 1.3 KB to every page). What
  // a first load downloads is fixed by the build (no timing is measured here), so a dependency or an
  // import that grows the bundle past it fails the suite.
  const FIRST_LOAD_JS_BUDGET_KB = 100;
  it(`loads at most ${FIRST_LOAD_JS_BUDGET_KB} KB of JavaScript (gzip) on the first load of any page type in any language`, async () => {
    const context = await newContext(browser);
    const over: string[] = [];
    for (const { path } of pages) {
      const { total, files } = await firstLoadJs(context, path);
      // The framework itself is counted: the measure did see the page's scripts.
      expect(total, path).toBeGreaterThan(30 * 1024);
      if (total > FIRST_LOAD_JS_BUDGET_KB * 1024)
        over.push(`${path}: ${(total / 1024).toFixed(1)} KB in ${files.length} scripts`);
    }
    expect(over).toEqual([]);
    await context.close();
  }, 600_000);

  it('shows session dates in the session’s zone, then in the reader’s', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const session = pages.find((p) => p.type === 'training-sessions-detail' && p.locale === 'en')!;
    await page.goto(session.path);
    expect(await page.locator('.dates__main').textContent()).toMatch(/\((Europe|America|Africa|Asia)\/[A-Za-z_ ]+\)/);
    await expect.poll(() => page.locator('.dates__reader').textContent()).toContain('America/New York');
    await context.close();
  });
});

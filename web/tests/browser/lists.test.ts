import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cms, html, launchChromium, linkTags, newContext, SITE_URL } from './helpers';
import english from '../../i18n/locales/en.json';
import french from '../../i18n/locales/fr.json';

// Lists that grow (the Atlas: 1000+ organisations) come one page at a time, paged by the CMS.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const names = (page: Page) =>
  page
    .locator('.cards > li h3')
    .allTextContents()
    .then((all) => all.map((name) => name.trim()));

describe('organisations: the paged Atlas', () => {
  it('walks every organisation once through the page links, without JavaScript', async () => {
    const { organisations } = await cms<{ organisations: { name: string }[] }>(
      `{ organisations(locale: "en", sort: "name", pagination: { limit: 100 }) { name } }`,
    );
    const pageCount = Math.ceil(organisations.length / 24);
    expect(pageCount).toBeGreaterThan(2);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/atlas');
    const seen: string[] = [];
    for (let number = 1; ; number++) {
      const pagination = page.getByRole('navigation', { name: english.pagination.label });
      await expect.poll(() => pagination.locator('p').textContent()).toBe(`Page ${number} of ${pageCount}`);
      expect(await pagination.locator('[aria-current="page"]').textContent()).toBe(String(number));
      expect(await page.getByRole('status').textContent()).toBe(`${organisations.length} organisations`);
      const shown = await names(page);
      expect(shown.length).toBe(number < pageCount ? 24 : organisations.length - 24 * (pageCount - 1));
      seen.push(...shown);
      if (number === pageCount) {
        expect(await pagination.getByRole('link', { name: english.pagination.next }).count()).toBe(0);
        break;
      }
      await pagination.getByRole('link', { name: english.pagination.next }).click();
      await page.waitForURL(`**/en/atlas?page=${number + 1}`);
    }
    expect(seen).toEqual(organisations.map((o) => o.name));
    await context.close();
  });

  it('pages within a filter, keeps the filter in the page links, and counts what each choice would give', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/fr/atlas?page=2');
    // Choosing a filter starts again from the first page of the filtered list.
    const option = page.getByLabel('Rôle').locator('option', { hasText: french.organisations.roles.training });
    const count = Number((await option.textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(24);
    await page.getByLabel('Rôle').selectOption({ label: (await option.textContent())!.trim() });
    await page.getByRole('button', { name: french.filters.apply }).click();
    await page.waitForURL((url) => url.searchParams.get('role') === 'training' && !url.searchParams.has('page'));
    expect(await page.locator('.cards > li').count()).toBe(24);
    const next = page
      .getByRole('navigation', { name: french.pagination.label })
      .getByRole('link', { name: french.pagination.next });
    expect(new URL((await next.getAttribute('href')) ?? '', SITE_URL).search).toBe('?role=training&page=2');
    // Only the current page says it is current (not the reset link, not the other pages).
    expect(
      await page.getByRole('navigation', { name: french.pagination.label }).locator('[aria-current]').allTextContents(),
    ).toEqual(['1']);
    expect(await page.getByRole('link', { name: french.filters.reset }).getAttribute('aria-current')).toBeNull();
    await next.click();
    await page.waitForURL('**/fr/atlas?role=training&page=2');
    expect(await page.locator('.cards > li').count()).toBe(Math.min(24, count - 24));
    await context.close();
  });

  it("with JavaScript, pages in place: the next page comes through the site's /graphql, without a reload", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/it/atlante', { waitUntil: 'networkidle' });
    await page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as any)?.__vue_app__));
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const first = await names(page);
    const graphql = page.waitForRequest((request) => new URL(request.url()).pathname === '/graphql');
    await page.getByRole('navigation', { name: 'Pagine' }).getByRole('link', { name: 'Pagina successiva' }).click();
    await graphql;
    await page.waitForURL('**/it/atlante?page=2');
    await expect.poll(async () => (await names(page))[0]).not.toBe(first[0]);
    expect((await names(page)).some((name) => first.includes(name))).toBe(false);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await context.close();
  });

  it('gives each page its own title and canonical URL, and sends a page past the end to the last one', async () => {
    const first = await html('/en/atlas');
    const second = await html('/en/atlas?page=2');
    expect(second.status).toBe(200);
    expect(linkTags(second.body).find((l) => l.rel === 'canonical')?.href).toBe(`${SITE_URL}/en/atlas?page=2`);
    const title = (body: string) => body.match(/<title>([^<]*)<\/title>/)?.[1];
    expect(title(second.body)).not.toBe(title(first.body));
    expect(title(second.body)).toMatch(/Page 2 of \d+/);

    const past = await fetch(`${SITE_URL}/en/atlas?page=999&country=IT`, { redirect: 'manual' });
    expect(past.status).toBe(302);
    // Italy has fewer than 24 organisations: its last page is the first, whose URL has no page.
    expect(new URL(past.headers.get('location')!, SITE_URL).search).toBe('?country=IT');
  });
});

describe('training sessions', () => {
  it('lists the sessions not yet ended soonest first, and the archive the ended ones latest first', async () => {
    const { trainingSessions } = await cms<{ trainingSessions: { title: string; startsAt: string; endsAt: string }[] }>(
      `{ trainingSessions(locale: "en", sort: "startsAt:asc", pagination: { limit: 100 }) { title startsAt endsAt } }`,
    );
    const now = Date.now();
    const upcoming = trainingSessions.filter((s) => new Date(s.endsAt).getTime() > now).map((s) => s.title);
    const past = trainingSessions
      .filter((s) => new Date(s.endsAt).getTime() <= now)
      .map((s) => s.title)
      .reverse();
    expect(upcoming.length).toBeGreaterThan(0);
    expect(past.length).toBeGreaterThan(0);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/trainings');
    expect(await names(page)).toEqual(upcoming);
    await page.goto('/en/trainings/past');
    expect(await names(page)).toEqual(past);
    await page.goto('/en');
    const next = await page.locator('.cards > li h3').allTextContents();
    expect(next.map((n) => n.trim()).filter((n) => upcoming.includes(n))).toEqual(upcoming.slice(0, 3));
    await context.close();
  });
});

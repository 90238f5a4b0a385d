import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, localizedPath, type Locale } from '#shared/routes';
import { cms, html, launchChromium, newContext, SITE_URL } from './helpers';
import { AXE_TAGS, superAdmin } from './admin-helpers';
import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import it_ from '../../i18n/locales/it.json';
import es from '../../i18n/locales/es.json';

// Job and internship offers on the site: the list and its GET filters (with and without
// JavaScript), an open offer's page in four languages, an expired offer's page (410), the offers
// on their job sheet's and organisation's pages, the sitemap, the /graphql proxy, the page cache.
const MESSAGES: Record<Locale, typeof en> = { en, fr, it: it_, es };
type Fixture = { key: string; locales: Record<Locale, { slug: string; title: string }>; applyUrl?: string };
const fixture = (key: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../cms/data/job-offers/${key}.json`, import.meta.url), 'utf8'));
const OPEN = fixture('ux-designer-colectic');
const REMOTE = fixture('accessible-web-developer-framasoft');
const EXPIRED = fixture('ux-designer-waag');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cardTitles = (page: Page) =>
  page
    .locator('.cards > li h3')
    .allTextContents()
    .then((all) => all.map((t) => t.trim()));

function jsonLd(body: string): Record<string, any>[] {
  return [...body.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) =>
    [].concat(JSON.parse(m[1]!)),
  );
}

describe('the list of offers', () => {
  it('lists open offers only, filters by contract, country, workplace and job with a plain GET form, and pages', async () => {
    const { jobOffers } = await cms<{ jobOffers: { title: string; contract: string; workplace: string }[] }>(
      `{ jobOffers(locale: "fr", pagination: { limit: 100 }) { title contract workplace } }`,
    );
    expect(jobOffers.length).toBeGreaterThanOrEqual(20);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/fr/offres');
    expect(response!.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(fr.jobOffers.title);
    expect(await page.getByRole('status').textContent()).toBe(`${jobOffers.length} offres ouvertes`);
    expect((await cardTitles(page)).length).toBe(10);
    expect(await page.content()).not.toContain(EXPIRED.locales.fr.title);
    // The next page, then a filter through the form (no JavaScript: the browser submits it).
    await page
      .getByRole('navigation', { name: fr.pagination.label })
      .getByRole('link', { name: fr.pagination.next })
      .click();
    await page.waitForURL('**/fr/offres?page=2');
    expect((await cardTitles(page)).length).toBe(Math.min(10, jobOffers.length - 10));
    await page.goto('/fr/offres');
    await page.getByLabel(fr.jobOffers.filters.contract).selectOption('internship');
    await page.getByLabel(fr.jobOffers.filters.workplace).selectOption('hybrid');
    await page.getByRole('button', { name: fr.filters.apply }).click();
    await page.waitForURL((url) => url.searchParams.get('contract') === 'internship');
    const expected = jobOffers.filter((o) => o.contract === 'internship' && o.workplace === 'hybrid');
    expect(expected.length).toBeGreaterThan(0);
    expect((await cardTitles(page)).sort()).toEqual(expected.map((o) => o.title).sort());
    // Country and job sheet: the remote offer of Framasoft.
    await page.goto('/fr/offres?country=FR&workplace=remote&job=developpeur-web-accessible');
    expect(await cardTitles(page)).toEqual([REMOTE.locales.fr.title]);
    // Nothing matches: said so.
    await page.goto('/fr/offres?contract=volunteering&country=IT');
    expect(await page.getByText(fr.filters.none).count()).toBe(1);
    await context.close();
  });

  it('filters in place with JavaScript, through the same URL', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/en/offers', { waitUntil: 'networkidle' });
    await page.waitForFunction(
      () =>
        (document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$nuxt?.isHydrating === false,
    );
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await page.getByLabel(en.jobOffers.filters.workplace).selectOption('remote');
    await page.waitForURL((url) => url.searchParams.get('workplace') === 'remote');
    const titles = await cardTitles(page);
    expect(titles).toContain(REMOTE.locales.en.title);
    for (const text of await page.locator('.cards > li').allTextContents()) expect(text).toContain('Remote');
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await context.close();
  });
});

describe("an open offer's page", () => {
  it('shows the offer in four languages, with a valid JobPosting, its contact, and a switcher to the same offer', async () => {
    for (const locale of LOCALES) {
      const path = localizedPath(locale, 'job-offers', OPEN.locales[locale].slug);
      const { status, body } = await html(path);
      expect(status, path).toBe(200);
      expect(body).toContain(OPEN.locales[locale].title.replace(/&/g, '&amp;'));
      expect(body).toContain(`https://jobs.example.org/${OPEN.key}`);
      const posting = jsonLd(body).find((node) => node['@type'] === 'JobPosting')!;
      expect(posting, path).toMatchObject({
        title: OPEN.locales[locale].title,
        employmentType: 'FULL_TIME',
        directApply: false,
        hiringOrganization: { name: 'Colectic', sameAs: 'https://colectic.coop' },
        jobLocation: { address: { addressLocality: 'Barcelona', addressCountry: 'ES' } },
        baseSalary: { currency: 'EUR', value: { minValue: 30000, maxValue: 36000, unitText: 'YEAR' } },
      });
      expect(Date.parse(posting.validThrough)).toBeGreaterThan(Date.now());
      for (const other of LOCALES)
        expect(body).toContain(`href="${localizedPath(other, 'job-offers', OPEN.locales[other].slug)}"`);
    }
    const remote = await html(localizedPath('en', 'job-offers', REMOTE.locales.en.slug));
    expect(jsonLd(remote.body).find((n) => n['@type'] === 'JobPosting')).toMatchObject({
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'FR' },
    });
  });
});

describe("an expired offer's page", () => {
  it('answers 410 in the reader’s language, without contact or JobPosting, not indexed, with similar open offers', async () => {
    for (const locale of LOCALES) {
      const path = localizedPath(locale, 'job-offers', EXPIRED.locales[locale].slug);
      const { status, body } = await html(path);
      expect(status, path).toBe(410);
      expect(body).toContain(MESSAGES[locale].jobOffers.expired.title.replace(/'/g, '&#39;'));
      expect(body).not.toContain(`jobs.example.org/${EXPIRED.key}`);
      expect(body).not.toContain('@example.org');
      expect(body).not.toContain(`id="apply-title"`);
      expect(jsonLd(body).map((n) => n['@type'])).not.toContain('JobPosting');
      expect(body).toMatch(/<meta name="robots" content="noindex, follow"/);
      // Similar: the open UX designer offer (same job sheet).
      expect(body).toContain(`href="${localizedPath(locale, 'job-offers', OPEN.locales[locale].slug)}"`);
    }
  });
});

describe('offers elsewhere', () => {
  it("shows open offers on their job sheet's and organisation's pages, never an expired one", async () => {
    const { jobSheets } = await cms<{ jobSheets: { slug: string }[] }>(
      `{ jobSheets(locale: "en", filters: { title: { eq: "UX designer" } }) { slug } }`,
    );
    const sheet = await html(localizedPath('en', 'job-sheets', jobSheets[0]!.slug));
    expect(sheet.body).toContain(en.jobOffers.onJobSheet);
    expect(sheet.body).toContain(`href="${localizedPath('en', 'job-offers', OPEN.locales.en.slug)}"`);
    expect(sheet.body).not.toContain(EXPIRED.locales.en.slug);
    const org = await html(localizedPath('es', 'organisations', 'colectic'));
    expect(org.body).toContain(es.jobOffers.onOrganisation);
    expect(org.body).toContain(`href="${localizedPath('es', 'job-offers', OPEN.locales.es.slug)}"`);
    const waag = await html(localizedPath('en', 'organisations', 'waag'));
    expect(waag.body).not.toContain(EXPIRED.locales.en.slug);
  });

  it('puts open offers in the sitemap with their alternates, never an expired one', async () => {
    const { body } = await html('/sitemap.xml');
    for (const locale of LOCALES) {
      expect(body).toContain(`${SITE_URL}${localizedPath(locale, 'job-offers', OPEN.locales[locale].slug)}`);
      expect(body).not.toContain(EXPIRED.locales[locale].slug);
    }
  });

  it("the site's /graphql proxy lists no expired offer, whatever the filter, and finds it alone without contact", async () => {
    const post = async (query: string, variables: Record<string, unknown> = {}) =>
      (await (
        await fetch(`${SITE_URL}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as any;
    const now = new Date().toISOString();
    const list = await post(
      `query($f: JobOfferFiltersInput = { publishedUntil: { lt: "${now}" } }) { jobOffers(filters: $f) { slug } }`,
    );
    expect(list.data.jobOffers).toEqual([]);
    const all = await post(`{ jobOffers(pagination: { limit: 100 }) { slug } }`);
    expect(all.data.jobOffers.map((o: any) => o.slug)).not.toContain(EXPIRED.locales.en.slug);
    const one = await post(
      `query($s: String!) { jobOffers(filters: { slug: { eq: $s } }) { isExpired applyUrl applyEmail } }`,
      {
        s: EXPIRED.locales.en.slug,
      },
    );
    expect(one.data.jobOffers).toEqual([{ isExpired: true, applyUrl: null, applyEmail: null }]);
  });
});

describe('accessibility and privacy of the offer pages', () => {
  it('axe finds no WCAG 2.2 AA violation and no request leaves the site, on the list, an offer and an expired offer', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== SITE_URL) foreign.push(request.url());
    });
    const violations: string[] = [];
    for (const locale of LOCALES) {
      for (const path of [
        localizedPath(locale, 'job-offers'),
        `${localizedPath(locale, 'job-offers')}?contract=internship`,
        localizedPath(locale, 'job-offers', OPEN.locales[locale].slug),
        localizedPath(locale, 'job-offers', EXPIRED.locales[locale].slug),
      ]) {
        await page.goto(path, { waitUntil: 'networkidle' });
        const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        for (const v of result.violations) violations.push(`${path}: ${v.id}`);
      }
    }
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('expiry and the page cache', () => {
  it('an offer leaves the cached list when it closes, without anyone unpublishing it', async () => {
    const admin = await superAdmin();
    const OFFER = 'api::job-offer.job-offer';
    const until = new Date(Date.now() + 20_000);
    const slug = `closing-soon-${Date.now()}`;
    const created = await admin.ok('POST', `/content-manager/collection-types/${OFFER}?locale=en`, {
      title: `Closing soon ${slug}`,
      slug,
      contract: 'freelance',
      country: 'BE',
      workplace: 'remote',
      applyEmail: 'closing@example.org',
      publishedUntil: until.toISOString(),
    });
    const documentId = created.data.documentId;
    try {
      await admin.ok('POST', `/content-manager/collection-types/${OFFER}/${documentId}/actions/publish?locale=en`, {});
      // Listed, and the cached list is kept no longer than the offer is open.
      await expect
        .poll(async () => (await html('/en/offers?workplace=remote')).body.includes(slug), { timeout: 30_000 })
        .toBe(true);
      const cached = await html('/en/offers?workplace=remote');
      const maxAge = Number(/s-maxage=(\d+)/.exec(cached.headers.get('cache-control') ?? '')?.[1]);
      // Rendered while the offer had at most 20 s left: kept no longer than that.
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(20);
      expect(cached.headers.get('cache-control')).not.toContain('stale-while-revalidate');
      // Once closed: gone from the list (cached or not), its page a 410.
      await expect
        .poll(async () => (await html('/en/offers?workplace=remote')).body.includes(slug), {
          timeout: 60_000,
          interval: 1_000,
        })
        .toBe(false);
      expect(Date.now()).toBeGreaterThanOrEqual(until.getTime());
      expect((await html(localizedPath('en', 'job-offers', slug))).status).toBe(410);
    } finally {
      await admin.request('DELETE', `/content-manager/collection-types/${OFFER}/${documentId}?locale=en`);
    }
  }, 120_000);
});

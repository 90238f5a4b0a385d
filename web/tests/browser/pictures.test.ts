import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizedPath, type Locale } from '#shared/routes';
import { cms, entryOf, launchChromium, newContext, SITE_URL } from './helpers';

// The demo content's pictures (cms/src/seed/pictures.ts) as readers get them: a <picture> with
// AVIF and WebP srcsets from the site's own /_ipx (server/image/ipx.ts), width and height set,
// the text in the page's language (or empty when decorative), loaded at once in the first screen
// and lazily further down; the variants are real AVIF/WebP from this origin, encoded once.
const uploads = JSON.parse(process.env.TEST_UPLOADS ?? '{}') as Record<string, string>;

type Shown = {
  alt: string | null;
  width: string | null;
  height: string | null;
  loading: string | null;
  src: string;
  sources: Array<{ type: string | null; srcset: string | null; sizes: string | null }>;
};

/** The <picture> of the page's main content that holds the image of `kind` (class picture--kind). */
async function picture(page: Page, kind: string): Promise<Shown> {
  const img = page.locator(`main picture img.picture--${kind}`).first();
  await expect.poll(() => img.count()).toBe(1);
  return img.evaluate((el: HTMLImageElement) => ({
    alt: el.getAttribute('alt'),
    width: el.getAttribute('width'),
    height: el.getAttribute('height'),
    loading: el.getAttribute('loading'),
    src: el.currentSrc,
    sources: [...el.parentElement!.querySelectorAll('source')].map((s) => ({
      type: s.getAttribute('type'),
      srcset: s.getAttribute('srcset'),
      sizes: s.getAttribute('sizes'),
    })),
  }));
}

function firstUrl(srcset: string | null): string {
  const url = (srcset ?? '').split(',')[0]!.trim().split(' ')[0]!;
  return url;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function logoOrganisation(): Promise<{ slug: string; alt: Record<string, string> }> {
  const alt: Record<string, string> = {};
  let slug = '';
  for (const locale of ['en', 'fr'] as const) {
    const data = await cms<{ organisations: Array<{ slug: string; logo: { url: string } | null; logoAlt: string }> }>(
      `query($l: I18NLocaleCode) { organisations(locale: $l, sort: "slug", pagination: { limit: 100 }) { slug logo { url } logoAlt } }`,
      { l: locale },
    );
    const chosen = data.organisations.find((o) => o.logo && (!slug || o.slug === slug))!;
    slug = chosen.slug;
    alt[locale] = chosen.logoAlt;
  }
  return { slug, alt };
}

describe('pictures', () => {
  it('module, job sheet, interview and organisation pages show their picture in AVIF/WebP, described in the page’s language', async () => {
    const [module, jobSheet, interview] = await Promise.all([
      entryOf('modules'),
      entryOf('job-sheets'),
      entryOf('interviews'),
    ]);
    const portraitAlt = async (locale: Locale) =>
      (
        await cms<{ interviews: Array<{ portraitAlt: string }> }>(
          `query($l: I18NLocaleCode, $id: ID!) { interviews(locale: $l, filters: { documentId: { eq: $id } }) { portraitAlt } }`,
          { l: locale, id: interview.documentId },
        )
      ).interviews[0]!.portraitAlt;
    const organisation = await logoOrganisation();
    const cases = [
      { path: localizedPath('fr', 'modules', module.slugs.fr), kind: 'cover', alt: '' },
      { path: localizedPath('it', 'job-sheets', jobSheet.slugs.it), kind: 'cover', alt: '' },
      { path: localizedPath('es', 'interviews', interview.slugs.es), kind: 'portrait', alt: await portraitAlt('es') },
      { path: localizedPath('fr', 'organisations', organisation.slug), kind: 'logo', alt: organisation.alt.fr! },
    ];
    expect(cases[2]!.alt).toMatch(/^Retrato ilustrado de /);
    expect(cases[3]!.alt).toMatch(/marque d’illustration/);

    const context = await newContext(browser);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const violations: string[] = [];
    for (const { path, kind, alt } of cases) {
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      const shown = await picture(page, kind);
      expect(shown.alt, path).toBe(alt);
      expect(Number(shown.width), path).toBeGreaterThan(0);
      expect(Number(shown.height), path).toBeGreaterThan(0);
      // In the first screen: not lazy (it would wait for layout and delay the largest paint).
      expect(shown.loading, path).toBe('eager');
      expect(shown.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
      for (const source of shown.sources) {
        expect(source.sizes, path).toBeTruthy();
        const candidates = source.srcset!.split(',').map((c) => c.trim());
        expect(candidates.length, path).toBeGreaterThan(1);
        for (const candidate of candidates)
          expect(candidate, path).toMatch(/^\/_ipx\/f_(avif|webp)&w_\d+\/[\w.-]+\.png \d+w$/);
      }
      // The browser loaded the AVIF, from this origin.
      expect(new URL(shown.src).origin).toBe(SITE_URL);
      expect(shown.src).toContain('/_ipx/f_avif&');
      expect(
        await page
          .locator('main picture img')
          .evaluateAll((imgs) =>
            imgs.every(
              (i) =>
                ((i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0) ||
                (i as HTMLImageElement).loading === 'lazy',
            ),
          ),
      ).toBe(true);

      for (const [index, type] of ['image/avif', 'image/webp'].entries()) {
        const url = firstUrl(shown.sources[index]!.srcset);
        const variant = await fetch(`${SITE_URL}${url}`);
        expect(variant.status, url).toBe(200);
        expect(variant.headers.get('content-type'), url).toBe(type);
        expect(variant.headers.get('x-content-type-options')).toBe('nosniff');
        const bytes = Buffer.from(await variant.arrayBuffer());
        if (type === 'image/avif') expect(bytes.subarray(4, 12).toString('latin1')).toBe('ftypavif');
        else expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
      }

      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      for (const v of result.violations) violations.push(`${path}: ${v.id}`);
    }
    expect(violations).toEqual([]);
    expect(requests.filter((url) => new URL(url).origin !== SITE_URL)).toEqual([]);
    await context.close();
  }, 300_000);

  it('cards show portraits and logos as lazy thumbnails, decorative beside the name they repeat', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const path of [localizedPath('en', 'interviews'), localizedPath('fr', 'organisations')]) {
      await page.goto(path);
      const thumbs = await page.locator('main .card img.picture--thumb').evaluateAll((imgs) =>
        imgs.map((i) => ({
          alt: i.getAttribute('alt'),
          loading: i.getAttribute('loading'),
          width: i.getAttribute('width'),
        })),
      );
      expect(thumbs.length, path).toBeGreaterThan(0);
      for (const thumb of thumbs)
        expect(thumb, path).toEqual({ alt: '', loading: 'lazy', width: expect.stringMatching(/^\d+$/) });
    }
    // Lazy: on a phone, a card far below the first screen is not fetched until the reader scrolls to it.
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto(localizedPath('en', 'interviews'), { waitUntil: 'networkidle' });
    const last = page.locator('main .card img.picture--thumb').last();
    expect(await last.evaluate((i: HTMLImageElement) => i.getBoundingClientRect().top > window.innerHeight * 3)).toBe(
      true,
    );
    expect(await last.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await context.close();
  });

  it('encodes a variant once: the next request is served from the cache', async () => {
    const { slugs } = await entryOf('job-sheets');
    const body = await (await fetch(`${SITE_URL}${localizedPath('en', 'job-sheets', slugs.en)}`)).text();
    const file = /\/_ipx\/f_avif&amp;w_\d+\/([\w.-]+\.png)/.exec(body)?.[1];
    expect(file).toBeTruthy();
    // A width no page asks for: certainly not encoded yet.
    const url = `${SITE_URL}/_ipx/f_avif&w_333/${file}`;
    const cold = await fetch(url);
    expect(cold.status).toBe(200);
    expect(cold.headers.get('server-timing')).toMatch(/^image;desc="encoded"/);
    const warm = await fetch(url);
    expect(warm.headers.get('server-timing')).toMatch(/^image;desc="cached"/);
    expect(Buffer.from(await warm.arrayBuffer()).equals(Buffer.from(await cold.arrayBuffer()))).toBe(true);
    expect(warm.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    // The browser's revalidation: not modified.
    const again = await fetch(url, { headers: { 'if-none-match': warm.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('never serves an SVG from /_ipx: a script-carrying SVG is rasterised, other requests are refused', async () => {
    expect(uploads.svg, 'TEST_UPLOADS.svg').toBeTruthy();
    const svg = uploads.svg!.replace(/^\/uploads\//, '');
    const png = await fetch(`${SITE_URL}/_ipx/f_png&w_40/${svg}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(0, 8)
        .toString('latin1'),
    ).toBe('\x89PNG\r\n\x1a\n');
    for (const path of [
      `/_ipx/_/${svg}`,
      `/_ipx/f_svg/${svg}`,
      `/_ipx/w_40/${svg}`,
      `/_ipx/f_webp&w_99999/${svg}`,
      `/_ipx/f_webp&blur_5/${svg}`,
      `/_ipx/f_webp/${uploads.html!.replace(/^\/uploads\//, '')}`,
      `/_ipx/f_webp/${uploads.pdf!.replace(/^\/uploads\//, '')}`,
      `/_ipx/f_webp/no-such-file.png`,
      `/_ipx/f_webp/.hidden.png`,
      `/_ipx/f_webp/https://example.org/a.png`,
    ]) {
      const response = await fetch(`${SITE_URL}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/plain/);
    }
  });
});

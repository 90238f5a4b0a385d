import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, LOCALES, localizedPath, type Locale } from '#shared/routes';
import { cms, CMS_URL, launchChromium, newContext, SITE_URL } from './helpers';

// Webinars on the built site against the real CMS and its demo content: the list and a page in the
// four languages (axe, no request to another host, the language switcher), the join link only
// before the end, the replay played from the site's origin with the keyboard alone, its captions and
// transcript, the calendar file, Range requests on the video, the sitemap.
const messages = Object.fromEntries(
  await Promise.all(LOCALES.map(async (l) => [l, (await import(`../../i18n/locales/${l}.json`)).default])),
) as Record<Locale, { webinars: Record<string, any> }>;

interface Webinar {
  documentId: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  joinUrl: string | null;
  transcript: string | null;
  replayVideo: { url: string; mime: string } | null;
  replayCaptions: { language: string; file: { url: string } }[];
}
const byLocale = {} as Record<Locale, Webinar[]>;
for (const locale of LOCALES) {
  const { webinars } = await cms<{ webinars: Webinar[] }>(
    `query($locale: I18NLocaleCode) { webinars(locale: $locale, sort: "startsAt:asc", pagination: { limit: 100 }) {
      documentId slug title startsAt endsAt joinUrl transcript replayVideo { url mime } replayCaptions { language file { url } } } }`,
    { locale },
  );
  byLocale[locale] = webinars;
}
const now = Date.now();
const pastEn = byLocale.en.find((w) => Date.parse(w.endsAt) < now && w.replayVideo)!;
const upcomingEn = byLocale.en.find((w) => Date.parse(w.startsAt) > now && w.joinUrl)!;
const inLocale = (webinar: Webinar, locale: Locale) =>
  byLocale[locale].find((w) => w.documentId === webinar.documentId)!;
// The join link the CMS itself keeps for the past webinar (the public API says null).
const storedJoinUrl = `https://visio.example.org/sogacademy-`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path`, runs axe (WCAG 2.2 AA) and returns its violations and every request to another host. */
async function visit(page: Page, path: string) {
  const foreign: string[] = [];
  const listener = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== SITE_URL) foreign.push(request.url());
  };
  page.on('request', listener);
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  page.off('request', listener);
  return {
    status: response?.status(),
    violations: result.violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    foreign,
  };
}

describe('webinars on the site', () => {
  it('has demo webinars, past with a replay and upcoming with a join link', () => {
    expect(byLocale.en.length).toBeGreaterThanOrEqual(8);
    expect(pastEn, 'a past webinar with a replay').toBeDefined();
    expect(upcomingEn, 'an upcoming webinar with a join link').toBeDefined();
  });

  it('lists upcoming and past webinars in the four languages: axe clean, nothing from another host', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const path = localizedPath(locale, 'webinars');
      const { status, violations, foreign } = await visit(page, path);
      expect(status, path).toBe(200);
      problems.push(...violations, ...foreign.map((url) => `${path}: asked ${url}`));
      expect(await page.locator('h1').textContent()).toBe(messages[locale].webinars.title);
      const upcoming = page.getByRole('region', { name: messages[locale].webinars.upcoming });
      const past = page.getByRole('region', { name: messages[locale].webinars.past });
      await expect.poll(() => upcoming.getByRole('link', { name: inLocale(upcomingEn, locale).title }).count()).toBe(1);
      await expect.poll(() => past.getByRole('link', { name: inLocale(pastEn, locale).title }).count()).toBe(1);
      // Every published webinar is on the list, once.
      expect(await page.locator('.card__title a').count()).toBe(byLocale[locale].length);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a webinar in the four languages: axe clean, nothing from another host, the switcher lands on it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const webinar of [pastEn, upcomingEn]) {
      for (const locale of LOCALES) {
        const own = inLocale(webinar, locale);
        const path = localizedPath(locale, 'webinars', own.slug);
        const { status, violations, foreign } = await visit(page, path);
        expect(status, path).toBe(200);
        problems.push(...violations, ...foreign.map((url) => `${path}: asked ${url}`));
        expect(await page.locator('h1').textContent()).toBe(own.title);
        for (const other of LOCALES.filter((l) => l !== locale)) {
          const href = await page
            .getByRole('navigation', { name: /Languages|Langues|Lingue|Idiomas/ })
            .getByRole('link', { name: LOCALE_NAMES[other] })
            .getAttribute('href');
          expect(href).toBe(localizedPath(other, 'webinars', inLocale(webinar, other).slug));
        }
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives the join link and the calendar file before the webinar, neither after it', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(localizedPath('fr', 'webinars', inLocale(upcomingEn, 'fr').slug));
    const join = page.getByRole('link', { name: new RegExp(messages.fr.webinars.join) });
    expect(await join.getAttribute('href')).toBe(upcomingEn.joinUrl);
    // It says it leaves the site.
    expect(await join.textContent()).toContain(new URL(upcomingEn.joinUrl!).host);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: messages.fr.webinars.addToCalendar }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${inLocale(upcomingEn, 'fr').slug}.ics`);
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/\r\nVERSION:2\.0\r\n/);
    expect((ics.match(/\r\nBEGIN:VEVENT\r\n/g) ?? []).length).toBe(1);
    const event = /BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/.exec(ics)![1]!.replace(/\r\n[ \t]/g, '');
    expect(event).toMatch(/^UID:.+$/m);
    expect(event).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
    const start = /^DTSTART:(\d{8}T\d{6}Z)$/m.exec(event)![1]!;
    expect(start).toBe(
      new Date(upcomingEn.startsAt)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
    );
    expect(event).toMatch(/^DTEND:\d{8}T\d{6}Z$/m);
    expect(event).toContain(`SUMMARY:${inLocale(upcomingEn, 'fr').title.replace(/([,;])/g, '\\$1')}`);
    expect(event).toContain(`${SITE_URL}${localizedPath('fr', 'webinars', inLocale(upcomingEn, 'fr').slug)}`);

    // After the end: no join link on the page, not even in its payload.
    const response = await fetch(`${SITE_URL}${localizedPath('fr', 'webinars', inLocale(pastEn, 'fr').slug)}`);
    const html = await response.text();
    expect(html).toContain(inLocale(pastEn, 'fr').title.replace(/'/g, '&#39;'));
    expect(html).not.toContain(storedJoinUrl);
    expect(html).not.toContain(messages.fr.webinars.addToCalendar);
    // Nor through the site's GraphQL proxy.
    const proxied = await fetch(`${SITE_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({
        query: 'query($slug: String) { webinars(locale: "fr", filters: { slug: { eq: $slug } }) { joinUrl } }',
        variables: { slug: inLocale(pastEn, 'fr').slug },
      }),
    });
    expect(await proxied.json()).toEqual({ data: { webinars: [{ joinUrl: null }] } });
    await context.close();
  });

  it('plays the replay with the keyboard alone: Tab to the player, Space plays it, captions in the page’s language', async () => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    const own = inLocale(pastEn, 'fr');
    await page.goto(localizedPath('fr', 'webinars', own.slug), { waitUntil: 'networkidle' });
    const video = page.locator('video');
    expect(await video.getAttribute('aria-label')).toContain(own.title);
    // From the top of the page, Tab until the player has the focus.
    let reached = false;
    for (let presses = 0; presses < 80 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'VIDEO');
    }
    expect(reached, 'Tab reaches the video player').toBe(true);
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('video')!.paused);
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 0.5);
    // Served by the site itself.
    expect(await video.evaluate((v: HTMLVideoElement) => new URL(v.currentSrc).origin)).toBe(SITE_URL);
    // One captions track per language, the page's language shown by default, its cues loaded.
    const tracks = await video.evaluate((v: HTMLVideoElement) =>
      [...v.textTracks].map((t) => ({ kind: t.kind, language: t.language, mode: t.mode, label: t.label })),
    );
    expect(tracks.map((t) => t.language).sort()).toEqual([...LOCALES].sort());
    for (const track of tracks) expect(track.kind).toBe('captions');
    expect(tracks.filter((t) => t.mode === 'showing').map((t) => t.language)).toEqual(['fr']);
    await page.waitForFunction(() => {
      const track = [...document.querySelector('video')!.textTracks].find((t) => t.language === 'fr');
      return (track?.cues?.length ?? 0) > 0;
    });
    // Another language's captions can be shown instead.
    const english = await video.evaluate(async (v: HTMLVideoElement) => {
      const tracks = [...v.textTracks];
      for (const t of tracks) t.mode = t.language === 'en' ? 'showing' : 'disabled';
      const track = tracks.find((t) => t.language === 'en')!;
      for (let i = 0; i < 100 && !track.cues?.length; i++) await new Promise((r) => setTimeout(r, 50));
      return track.cues?.[0] ? (track.cues[0] as VTTCue).text : null;
    });
    expect(english).toContain('Social Tech Academy');
    // Space again pauses it.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('video')!.paused);
    // The transcript, below the player.
    const transcript = page.getByRole('heading', { name: messages.fr.webinars.transcript });
    await expect.poll(() => transcript.count()).toBe(1);
    const below = await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h3')].find((h) => h.textContent === 'Transcription')!;
      return Boolean(
        document.querySelector('video')!.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(below).toBe(true);
    const firstTranscriptHeading = /^### (.+)$/m.exec(own.transcript!)![1]!;
    expect(await page.locator('.replay .prose').textContent()).toContain(firstTranscriptHeading);
    await context.close();
  });

  it('serves the replay from the site’s origin with Range requests (206), its captions as text/vtt', async () => {
    const path = pastEn.replayVideo!.url.replace(/^https?:\/\/[^/]+/, '');
    const whole = new Uint8Array(await (await fetch(`${CMS_URL}${path}`)).arrayBuffer());
    expect(whole.length).toBeGreaterThan(1000);

    const full = await fetch(`${SITE_URL}${path}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe(pastEn.replayVideo!.mime);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('content-disposition')).toBe('inline');
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(whole);

    const part = await fetch(`${SITE_URL}${path}`, { headers: { range: 'bytes=1000-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1099/${whole.length}`);
    expect(part.headers.get('content-length')).toBe('100');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(whole.slice(1000, 1100));

    const tail = await fetch(`${SITE_URL}${path}`, { headers: { range: `bytes=${whole.length - 10}-` } });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(whole.slice(whole.length - 10));

    // A seek as the player asks it, from its own origin's point of view: the bytes it needs, no more.
    expect(tail.headers.get('content-range')).toBe(`bytes ${whole.length - 10}-${whole.length - 1}/${whole.length}`);

    const caption = pastEn.replayCaptions.find((c) => c.language === 'it')!;
    const vtt = await fetch(`${SITE_URL}${caption.file.url.replace(/^https?:\/\/[^/]+/, '')}`);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt');
    expect(vtt.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await vtt.text()).toMatch(/^WEBVTT\n[\s\S]*Social Tech Academy/);
  });

  it('lists every webinar page in the sitemap with its alternates', async () => {
    const sitemap = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    for (const webinar of [pastEn, upcomingEn]) {
      for (const locale of LOCALES) {
        const loc = `${SITE_URL}${localizedPath(locale, 'webinars', inLocale(webinar, locale).slug)}`;
        const entry = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].find((m) => m[1]!.includes(`<loc>${loc}</loc>`));
        expect(entry, loc).toBeDefined();
        for (const other of LOCALES) {
          const href = `${SITE_URL}${localizedPath(other, 'webinars', inLocale(webinar, other).slug)}`;
          expect(entry![1], `${loc} → ${other}`).toContain(`hreflang="${other}" href="${href}"`);
        }
      }
      expect(sitemap).toContain(`<loc>${SITE_URL}${localizedPath('es', 'webinars')}</loc>`);
    }
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCALES, localizedPath } from '#shared/routes';
import { escapeHtml } from '#shared/markdown';
import { everyPage, html, linkTags, SITE_URL } from './helpers';

// Every page type in every language, as a crawler or a reader without JavaScript gets it.
const pages = await everyPage();
const messages = Object.fromEntries(
  await Promise.all(LOCALES.map(async (l) => [l, (await import(`../../i18n/locales/${l}.json`)).default])),
);

describe('every page type in every language', () => {
  const seenTitles = new Map<string, string>();
  for (const page of pages) {
    it(`${page.type} (${page.locale}) ${page.path}: 200, lang, canonical, alternates, unique title`, async () => {
      const { status, body } = await html(page.path);
      expect(status).toBe(200);
      expect(body).toMatch(new RegExp(`<html[^>]* lang="${page.locale}"`));
      const links = linkTags(body);
      expect(links.filter((l) => l.rel === 'canonical').map((l) => l.href)).toEqual([`${SITE_URL}${page.path}`]);
      const alternates = links.filter((l) => l.rel === 'alternate');
      expect(alternates.map((a) => a.hreflang).sort()).toEqual([...LOCALES, 'x-default'].sort());
      for (const locale of LOCALES) {
        const target = page.entry
          ? localizedPath(locale, page.section!, page.entry.slugs[locale])
          : localizedPath(locale, page.type as never);
        expect(alternates.find((a) => a.hreflang === locale)?.href).toBe(`${SITE_URL}${target}`);
      }
      const title = body.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
      expect(body).toMatch(/<meta name="description" content="[^"]+"/);
      expect(body).toMatch(/<meta property="og:title" content="[^"]+"/);
      // A breadcrumb trail of two items or more: every page but the home, which is the site's.
      expect(body).toContain(page.type === 'index' ? '"@type":"WebSite"' : '"@type":"BreadcrumbList"');
      const key = `${page.locale}:${title}`;
      expect(seenTitles.get(key), `title "${title}" also used by ${seenTitles.get(key)}`).toBeUndefined();
      seenTitles.set(key, page.path);
      if (page.entry) expect(body).toContain(escapeHtml(page.entry.titles[page.locale]));
    });
  }

  it('JSON-LD: Course for modules, Occupation for job sheets, Event for training sessions, Organization for organisations', async () => {
    const byType = (type: string) => pages.find((p) => p.type === type && p.locale === 'en')!.path;
    expect((await html(byType('modules-detail'))).body).toContain('"@type":"Course"');
    expect((await html(byType('job-sheets-detail'))).body).toContain('"@type":"Occupation"');
    expect((await html(byType('training-sessions-detail'))).body).toContain('"@type":["Event","CourseInstance"]');
    expect((await html(byType('organisations-detail'))).body).toContain('"@type":"Organization"');
  });

  it('/ sends the reader to their language, on the server', async () => {
    const italian = await html('/', { 'accept-language': 'it-IT,it;q=0.9,en;q=0.5' });
    expect(italian.status).toBe(302);
    expect(italian.headers.get('location')).toBe('/it');
    expect((await html('/', { 'accept-language': 'de-DE' })).headers.get('location')).toBe('/en');
  });

  it('an unknown slug is the localized 404 page, with status 404', async () => {
    for (const locale of LOCALES) {
      const { status, body } = await html(localizedPath(locale, 'modules', 'no-such-module'));
      expect(status).toBe(404);
      expect(body).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
      expect(body).toContain(messages[locale].error.notFound.title);
    }
  });

  it('an entry missing in a language shows the English version with a notice, canonical to the English page, without alternates', async () => {
    const { status, body } = await html('/fr/modules/test-only-in-english');
    expect(status).toBe(200);
    expect(body).toContain(escapeHtml(messages.fr.fallback.text));
    expect(body).toContain('Only in English (test entry)');
    const links = linkTags(body);
    // Its canonical URL is the English page's, whose alternates do not name it: it names none
    // either (hreflang pairs are reciprocal).
    expect(links.filter((l) => l.rel === 'alternate').map((l) => l.hreflang)).toEqual([]);
    expect(links.find((l) => l.rel === 'canonical')?.href).toBe(`${SITE_URL}/en/modules/test-only-in-english`);
  });

  it('sitemap.xml lists every language with alternates; robots.txt points to it', async () => {
    const sitemap = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    const module = pages.find((p) => p.type === 'modules-detail' && p.locale === 'it')!;
    expect(sitemap).toContain(`<loc>${SITE_URL}${module.path}</loc>`);
    expect(sitemap).toContain(
      `hreflang="fr" href="${SITE_URL}${localizedPath('fr', 'modules', module.entry!.slugs.fr)}"`,
    );
    expect(sitemap).toContain(`<loc>${SITE_URL}/es/aviso-legal</loc>`);
    const robots = await (await fetch(`${SITE_URL}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });

  it('sends the security headers; a cached page allows exactly its own inline scripts and styles, by hash', async () => {
    const path = localizedPath('es', 'modules');
    const first = await html(path);
    const second = await html(path);
    expect(second.headers.get('x-page-cache')).toBe('hit');
    for (const response of [first, second]) {
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|'nonce-/);
      const directive = (name: string) => csp.match(new RegExp(`(?:^|;)\\s*${name} ([^;]*)`))![1]!.split(' ');
      const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      // Every inline script the browser runs and every style is allowed by its hash (data blocks,
      // the payload and JSON-LD, are not run: CSP does not apply to them); scripts with a src come
      // from this origin.
      const inlineScripts = [
        ...response.body.matchAll(
          /<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g,
        ),
      ];
      const styles = [...response.body.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
      expect(inlineScripts.length).toBeGreaterThan(0);
      expect(styles.length).toBeGreaterThan(0);
      for (const [, text] of inlineScripts) if (text) expect(directive('script-src')).toContain(sha256(text));
      for (const [, text] of styles) if (text) expect(directive('style-src')).toContain(sha256(text));
      for (const [src] of response.body.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) expect(src).toMatch(/src="\//);
    }
    // The same bytes for every reader: what lets the page be compressed once.
    expect(second.body).toBe(first.body);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGoogle } from '../structured-data/google';
import { validateJsonLd } from '../structured-data/schema-org';
import { siteDocuments, type SiteDocument } from './documents';
import { launchChromium, linkTags, newContext, SITE_URL } from './helpers';

// The site against the web's standards, as the outside audit checked it (issue 9, findings 13-15):
// the W3C Nu HTML Checker on every kind of document in every language and state; the JSON-LD of
// every page against the schema.org vocabulary and Google's documented properties; hreflang pairs
// (every page of the sitemap, filtered lists); the caching and compression of what a first load
// fetches.

let documents: SiteDocument[];
let browser: Browser;
beforeAll(async () => {
  documents = await siteDocuments();
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

/** A message of the Nu HTML Checker (`--format json`). */
interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Validates every document in one run of the Nu HTML Checker (vnu-jar, on the machine's Java). */
function nuCheck(docs: SiteDocument[]): { doc: SiteDocument; message: NuMessage }[] {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const dir = mkdtempSync(join(tmpdir(), 'nu-check-'));
  try {
    const files = docs.map((doc, index) => {
      const file = join(dir, `${String(index).padStart(4, '0')}.html`);
      writeFileSync(file, doc.body);
      return file;
    });
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const result = spawnSync(java, ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error || result.status !== 0)
      throw new Error(
        `the Nu HTML Checker did not run (a Java runtime is needed: Debian's default-jre-headless): ${result.error ?? result.stderr}`,
      );
    const { messages } = JSON.parse(result.stdout) as { messages: NuMessage[] };
    return messages.map((message) => ({
      doc: docs[Number(/(\d{4})\.html$/.exec(message.url ?? '')?.[1] ?? -1)]!,
      message,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('HTML (W3C Nu HTML Checker)', () => {
  it('finds no error and no warning in any document type, language or state', () => {
    // The set is what it should be: every kind of document, in every language.
    expect(documents.length).toBeGreaterThan(150);
    // And the checker does check: a document with the audit's first error, among the others.
    const canary = {
      ...documents[0]!,
      label: 'canary',
      path: '-',
      body: '<!DOCTYPE html><html lang="en"><title>x</title><select name="a" value="b"></select></html>',
    };
    const messages = nuCheck([...documents, canary]).filter(
      ({ message }) => message.type !== 'info' || message.subType === 'warning',
    );
    expect(messages.filter(({ doc }) => doc === canary).map(({ message }) => message.message)).toEqual([
      expect.stringContaining('Attribute “value” not allowed on element “select”'),
    ]);
    const found = messages
      .filter(({ doc }) => doc !== canary)
      .map(
        ({ doc, message }) =>
          `${doc ? `${doc.label} ${doc.path}` : message.url}:${message.lastLine}:${message.firstColumn}: ${message.subType ?? message.type}: ${message.message} [${message.extract?.trim() ?? ''}]`,
      );
    expect(found).toEqual([]);
  }, 300_000);
});

/** What a crawler reads in a page's head: canonical URL, hreflang alternates, robots, JSON-LD. */
interface HeadLinks {
  status: number;
  canonical?: string;
  alternates: Map<string, string>;
  robots?: string;
  jsonLd: string[];
}

const jsonLdOf = (body: string) =>
  [...body.matchAll(/<script\b[^>]*\btype="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

function headLinks(status: number, body: string): HeadLinks {
  const links = linkTags(body);
  const alternates = new Map<string, string>();
  for (const link of links.filter((l) => l.rel === 'alternate' && l.hreflang)) {
    if (alternates.has(link.hreflang!)) throw new Error(`two alternates for ${link.hreflang}`);
    alternates.set(link.hreflang!, decodeEntities(link.href!));
  }
  const canonical = links.find((l) => l.rel === 'canonical')?.href;
  const robots = /<meta name="robots" content="([^"]*)"/.exec(body)?.[1];
  return { status, canonical: canonical && decodeEntities(canonical), alternates, robots, jsonLd: jsonLdOf(body) };
}

const decodeEntities = (text: string) => text.replace(/&amp;/g, '&');

/** Fetches each URL once (a few at a time) and reads its head. */
async function crawl(urls: Iterable<string>, into = new Map<string, HeadLinks>()): Promise<Map<string, HeadLinks>> {
  const queue = [...new Set(urls)].filter((url) => !into.has(url));
  for (let i = 0; i < queue.length; i += 6) {
    await Promise.all(
      queue.slice(i, i + 6).map(async (url) => {
        const response = await fetch(url, { headers: { accept: 'text/html' }, redirect: 'manual' });
        into.set(url, headLinks(response.status, await response.text()));
      }),
    );
  }
  return into;
}

/** The query parameters that filter a list (its facets): a list with one of them is a view of the list. */
const FILTERS = [
  'theme',
  'level',
  'audience',
  'competence',
  'country',
  'kind',
  'role',
  'service',
  'language',
  'format',
  'month',
];
const isFiltered = (path: string) => FILTERS.some((name) => new URL(path, SITE_URL).searchParams.has(name));

/**
 * Every page of the sitemap (with the sitemap's alternates), and the pages a crawler reaches by
 * links beyond it: filtered lists, further pages of the Atlas, entries shown in English for want
 * of a translation (not the states a form post leads to, nor the private self-service page); and
 * every page an alternate names. Crawled once for the tests that read them.
 */
let crawled:
  Promise<{ entries: { loc: string; alternates: Map<string, string> }[]; pages: Map<string, HeadLinks> }> | undefined;
function crawlSite() {
  crawled ??= (async () => {
    const sitemap = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    const entries = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
      loc: decodeEntities(/<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!),
      alternates: new Map(
        [...m[1]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => [a[1]!, decodeEntities(a[2]!)]),
      ),
    }));
    const linked = documents
      .filter((doc) => doc.status === 200 && !/^(self-service|session)/.test(doc.label))
      .map((doc) => `${SITE_URL}${doc.path}`);
    const pages = await crawl([...entries.map((e) => e.loc), ...linked]);
    await crawl(
      [...pages.values()].flatMap((page) => [...page.alternates.values()]),
      pages,
    );
    return { entries, pages };
  })();
  return crawled;
}

describe("structured data (JSON-LD against the schema.org vocabulary and Google's documented properties)", () => {
  it('writes only valid blocks, with the properties Google documents for their types, on every page', async () => {
    const { pages } = await crawlSite();
    const sources = [
      ...documents.map((doc) => ({ where: `${doc.label} ${doc.path}`, blocks: jsonLdOf(doc.body) })),
      ...[...pages].map(([url, page]) => ({ where: url, blocks: page.jsonLd })),
    ];
    const problems: string[] = [];
    let nodes = 0;
    for (const { where, blocks } of sources) {
      if (blocks.length > 1) problems.push(`${where}: ${blocks.length} JSON-LD blocks (one array expected)`);
      for (const block of blocks) {
        let data: unknown;
        try {
          data = JSON.parse(block);
        } catch {
          problems.push(`${where}: a JSON-LD block that is not JSON`);
          continue;
        }
        for (const node of Array.isArray(data) ? data : [data]) {
          nodes++;
          problems.push(...validateJsonLd(node).map((issue) => `${where}: ${issue.path}: ${issue.message}`));
          problems.push(...checkGoogle(node as Record<string, unknown>).map((problem) => `${where}: ${problem}`));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(nodes).toBeGreaterThan(1500);
  }, 600_000);

  it('describes each page type as what it is, in every language', () => {
    const expected: Record<string, string[]> = {
      index: ['WebSite', 'Organization'],
      'modules-detail': ['BreadcrumbList', 'Course'],
      'job-sheets-detail': ['BreadcrumbList', 'Occupation'],
      'interviews-detail': ['BreadcrumbList', 'Article'],
      'organisations-detail': ['BreadcrumbList', 'Organization'],
      'training-sessions-detail': ['BreadcrumbList', 'Event+CourseInstance'],
      'competences-detail': ['BreadcrumbList', 'DefinedTerm'],
      'job-offers-detail': ['BreadcrumbList', 'JobPosting'],
      'job-offers': ['BreadcrumbList'],
      competences: ['BreadcrumbList', 'DefinedTermSet'],
      modules: ['BreadcrumbList'],
      'legal-notice': ['BreadcrumbList'],
      'open-data': ['BreadcrumbList', 'Dataset', 'Dataset', 'Dataset', 'Dataset', 'Dataset'],
    };
    let checked = 0;
    for (const doc of documents) {
      const type = /^(\S+) \(\w\w\)$/.exec(doc.label)?.[1];
      if (!type || !expected[type]) continue;
      const nodes = jsonLdOf(doc.body).flatMap((block) => [].concat(JSON.parse(block))) as Record<string, unknown>[];
      expect(
        nodes.map((node) => [].concat(node['@type'] as never).join('+')),
        doc.label,
      ).toEqual(expected[type]);
      checked++;
    }
    expect(checked).toBe(Object.keys(expected).length * 4);
  });
});

describe('hreflang', () => {
  it('pairs every page with alternates that name it back: the sitemap, filtered and paged lists', async () => {
    const { entries, pages } = await crawlSite();
    expect(entries.length).toBeGreaterThan(500);
    expect([...pages.keys()].filter(isFiltered).length).toBeGreaterThan(20);

    const problems: string[] = [];
    let pairs = 0;
    for (const [url, page] of pages) {
      if (page.status !== 200) {
        problems.push(`${url}: ${page.status}`);
        continue;
      }
      if (!page.alternates.size) continue;
      if (page.canonical !== url)
        problems.push(`${url}: alternates on a page whose canonical URL is ${page.canonical}`);
      if (page.robots?.includes('noindex')) problems.push(`${url}: alternates on a noindex page`);
      const own = [...page.alternates].filter(([hreflang, href]) => hreflang !== 'x-default' && href === url);
      if (own.length !== 1) problems.push(`${url}: names itself ${own.length} times among its alternates`);
      const lang = own[0]?.[0];
      for (const [hreflang, href] of page.alternates) {
        const target = pages.get(href)!;
        if (target.status !== 200) problems.push(`${url}: ${hreflang} alternate ${href} answers ${target.status}`);
        else if (target.alternates.get('x-default') !== page.alternates.get('x-default'))
          problems.push(`${url}: ${href} has another x-default`);
        else if (hreflang !== 'x-default' && lang && target.alternates.get(lang) !== url)
          problems.push(`${url}: ${hreflang} alternate ${href} does not name it back as ${lang}`);
        pairs++;
      }
    }
    // The sitemap says what the pages say.
    for (const entry of entries) {
      const page = pages.get(entry.loc)!;
      if (JSON.stringify([...entry.alternates].sort()) !== JSON.stringify([...page.alternates].sort()))
        problems.push(`${entry.loc}: the sitemap's alternates differ from the page's`);
    }
    expect(problems).toEqual([]);
    expect(pairs).toBeGreaterThan(2000);
  }, 600_000);

  it('makes a filtered list noindex, canonical to the unfiltered list, without alternates; a further page of the Atlas is its own page', () => {
    const filtered = documents.filter((doc) => doc.status === 200 && isFiltered(doc.path));
    expect(filtered.length).toBeGreaterThan(20);
    for (const doc of filtered) {
      const head = headLinks(doc.status, doc.body);
      expect(head.robots, doc.label).toBe('noindex, follow');
      expect(head.canonical, doc.label).toBe(`${SITE_URL}${doc.path.split('?')[0]}`);
      expect([...head.alternates.keys()], doc.label).toEqual([]);
    }
    const second = documents.find((doc) => doc.label === 'organisations, page 2 (it)')!;
    const head = headLinks(second.status, second.body);
    expect(head.robots).toBeUndefined();
    expect(head.canonical).toBe(`${SITE_URL}/it/atlante?page=2`);
    expect(head.alternates.get('fr')).toBe(`${SITE_URL}/fr/atlas?page=2`);
  });
});

describe('caching and compression', () => {
  it('lets shared caches serve a page stale for a stated time while they refresh it', () => {
    // Session and trainer kit pages (a form token per response) and the self-service page (personal)
    // are never stored.
    const cached = documents.filter(
      (doc) => doc.status === 200 && !/training-sessions-detail|trainers-detail|^session|^self-service/.test(doc.label),
    );
    expect(cached.length).toBeGreaterThan(80);
    // A page that lists job offers is kept until the first of them closes, and never served stale.
    for (const doc of cached)
      expect(doc.headers.get('cache-control'), doc.label).toMatch(
        doc.body.includes('/offres/') ||
          doc.body.includes('/offers/') ||
          doc.body.includes('/offerte/') ||
          doc.body.includes('/ofertas/')
          ? /^s-maxage=\d+$/
          : /^s-maxage=\d+, stale-while-revalidate=[1-9]\d*$/,
      );
    expect(cached.some((doc) => /^job-offers/.test(doc.label))).toBe(true);
  });

  it('sends the locale messages of a first load compressed, and any JSON or XML the browser asks for', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const messages: { url: string; encoding?: string; vary?: string }[] = [];
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/_i18n/')) return;
      const headers = await response.allHeaders();
      messages.push({ url: response.url(), encoding: headers['content-encoding'], vary: headers.vary });
    });
    await page.goto('/it/moduli', { waitUntil: 'networkidle' });
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.encoding, message.url).toMatch(/^(br|gzip)$/);
      expect(message.vary, message.url).toMatch(/accept-encoding/i);
    }
    await context.close();

    // Without a browser: the encoding asked for, or none.
    const url = messages[0]!.url;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const messagesJson = await plain.text();
    expect(messagesJson.length).toBeGreaterThan(10_000);
    const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await gzip.text()).toBe(messagesJson); // fetch decompresses: the same messages
    const sitemap = await fetch(`${SITE_URL}/sitemap.xml`, { headers: { 'accept-encoding': 'br' } });
    expect(sitemap.headers.get('content-encoding')).toBe('br');
    expect(await sitemap.text()).toContain('<urlset');
  }, 120_000);
});

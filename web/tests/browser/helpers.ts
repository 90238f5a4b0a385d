import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/lib/chromium.mjs';
import { LOCALES, localizedPath, type Locale, type Section, type StaticPage } from '#shared/routes';

export const SITE_URL = process.env.SITE_URL ?? '';
export const CMS_URL = process.env.CMS_URL ?? '';
if (!SITE_URL || !CMS_URL) throw new Error('The browser suite runs from scripts/test.mjs (SITE_URL and CMS_URL).');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: SITE_URL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'America/New_York',
  });
}

/**
 * A way to the CMS that a test controls, for sites of its own: it passes every request on to the
 * suite's CMS and notes its method and path (`requests`); while `up` is false every request to it
 * fails (the connection is cut); a path in `refuse` is answered with that status instead.
 */
export async function cmsProxy() {
  const proxy = {
    url: '',
    up: true,
    requests: [] as string[],
    refuse: new Map<string, number>(),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    proxy.requests.push(`${incoming.method} ${path}`);
    if (!proxy.up) return incoming.socket.destroy();
    const status = proxy.refuse.get(path.split('?')[0]!);
    if (status) return outgoing.writeHead(status).end();
    const target = new URL(path, CMS_URL);
    const upstream = forward(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

export async function cms<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${CMS_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A mail the CMS sent, as the mail catcher (MailDev, MAIL_URL) keeps it. */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name: string }[];
  attachments?: { filename: string; contentType: string; generatedFileName: string }[];
}

/** Waits for the first mail to `address` that `match` accepts (mails are sent by the CMS's outbox, within seconds). */
export async function waitForMail(
  address: string,
  match: (mail: CaughtMail) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<CaughtMail> {
  const url = process.env.MAIL_URL;
  if (!url) throw new Error('MAIL_URL is not set (scripts/test.mjs starts the mail catcher)');
  for (const until = Date.now() + timeoutMs; ;) {
    const mails = (await (await fetch(`${url}/api/email`)).json()) as CaughtMail[];
    const found = mails.find((m) => m.to.some((to) => to.address.toLowerCase() === address.toLowerCase()) && match(m));
    if (found) return found;
    if (Date.now() > until)
      throw new Error(`no matching mail to ${address} within ${timeoutMs} ms (${mails.length} caught)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The same entry in every locale: its slugs, its documentId and its title per locale. */
export interface Entry {
  documentId: string;
  slugs: Record<Locale, string>;
  titles: Record<Locale, string>;
}

const FIELD: Record<Section, { list: string; title: string }> = {
  modules: { list: 'modules', title: 'title' },
  'job-sheets': { list: 'jobSheets', title: 'title' },
  interviews: { list: 'interviews', title: 'title' },
  organisations: { list: 'organisations', title: 'name' },
  'training-sessions': { list: 'trainingSessions', title: 'title' },
  competences: { list: 'competences', title: 'name' },
  'job-offers': { list: 'jobOffers', title: 'title' },
  webinars: { list: 'webinars', title: 'title' },
  trainers: { list: 'trainerKits', title: 'title' },
};

/** The first demo entry of a section that exists in all four languages. */
export async function entryOf(section: Section): Promise<Entry> {
  const { list, title } = FIELD[section];
  const data = await cms<Record<string, { documentId: string; slug: string; [k: string]: string }[]>>(
    `query($locale: I18NLocaleCode) { items: ${list}(locale: $locale, sort: "documentId", pagination: { limit: 100 }) { documentId slug ${title} } }`,
    { locale: 'en' },
  );
  const first = data.items!.find((item) => !item.slug.startsWith('test-'))!;
  const slugs = {} as Record<Locale, string>;
  const titles = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const one = await cms<Record<string, { slug: string; [k: string]: string }[]>>(
      `query($locale: I18NLocaleCode, $id: ID!) { items: ${list}(locale: $locale, filters: { documentId: { eq: $id } }) { slug ${title} } }`,
      { locale, id: first.documentId },
    );
    slugs[locale] = one.items![0]!.slug;
    titles[locale] = one.items![0]![title]!;
  }
  return { documentId: first.documentId, slugs, titles };
}

export type PageType = Section | `${Section}-detail` | StaticPage | 'index';
export const SECTIONS: Section[] = [
  'modules',
  'job-sheets',
  'interviews',
  'organisations',
  'training-sessions',
  'competences',
  'job-offers',
  'webinars',
  'trainers',
];
export const STATIC: (StaticPage | 'index')[] = [
  'index',
  'training-sessions-past',
  'legal-notice',
  'privacy',
  'accessibility',
  'open-data',
];

/** Every page type in every locale: [type, locale, path]. */
export async function everyPage(): Promise<
  { type: PageType; locale: Locale; path: string; entry?: Entry; section?: Section }[]
> {
  const pages: { type: PageType; locale: Locale; path: string; entry?: Entry; section?: Section }[] = [];
  for (const section of SECTIONS) {
    const entry = await entryOf(section);
    for (const locale of LOCALES) {
      pages.push({ type: section, locale, path: localizedPath(locale, section) });
      pages.push({
        type: `${section}-detail`,
        locale,
        path: localizedPath(locale, section, entry.slugs[locale]),
        entry,
        section,
      });
    }
  }
  for (const page of STATIC)
    for (const locale of LOCALES) pages.push({ type: page, locale, path: localizedPath(locale, page) });
  return pages;
}

export async function html(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${SITE_URL}${path}`, {
    headers: { accept: 'text/html', ...headers },
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The <link> tags of a page as attribute maps (whatever their order, nonce included). */
export function linkTags(body: string): Record<string, string>[] {
  return [...body.matchAll(/<link\b([^>]*)>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

/** What must never appear in an error response. */
export const LEAKS: (string | RegExp)[] = [
  /\bat \S+ \(/,
  /node_modules/,
  /\.m?js:\d+/,
  'FetchError',
  'fetch failed',
  'ECONNREFUSED',
  '"stack"',
  /"name":"\w*Error"/,
  new URL(CMS_URL).host,
];

export function expectNoLeak(body: string, label: string) {
  for (const leak of LEAKS) {
    if (typeof leak === 'string') expect(body, `${label}: ${leak}`).not.toContain(leak);
    else expect(body, `${label}: ${leak}`).not.toMatch(leak);
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql, nonEmpty } from './strapi';
import { SEARCH_TYPES, type SearchType } from '../src/search/documents';
import { startSearch, type SearchService } from '../src/search/search';
import { searchService } from '../src/search/graphql';
import { SEARCH_LOCALES, type SearchLocale } from '../src/search/text';

/**
 * Search as readers and partners meet it: the GraphQL `search` query (the embedded provider the
 * CMS runs by default), and the PostgreSQL provider when the suite runs on PostgreSQL (a second
 * service started here on the same database). Each is held to the committed relevance sets
 * (tests/search/relevance.<locale>.json: the entries a query must bring in its first three) and
 * to freshness: a publish is found, an unpublish gone, within 10 s; a draft never.
 */
const SEARCH = `query($locale: String!, $query: String!, $types: [String!], $page: Int, $pageSize: Int) {
  search(locale: $locale, query: $query, types: $types, page: $page, pageSize: $pageSize) {
    total page pageSize suggestions typeCounts { type count }
    items { type documentId slug title excerpt highlights { start end } score locale fallback }
  }
}`;

const MODULE = 'api::module.module';
const created: string[] = [];
const extra: SearchService[] = [];

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created)
    await strapi
      .documents(MODULE)
      .delete({ documentId, locale: '*' } as never)
      .catch(() => {});
  for (const service of extra) service.stop();
});

interface Provider {
  name: string;
  search(locale: string, query: string, types?: string[]): Promise<any>;
}

const embedded: Provider = {
  name: 'embedded (GraphQL)',
  async search(locale, query, types) {
    const result = await graphql(SEARCH, { locale, query, types, pageSize: 10 });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data.search;
  },
};

const providers: Provider[] = [embedded];

beforeAll(async () => {
  const { strapi, database } = await getApp();
  if (database === 'postgres') {
    const service = await startSearch(strapi, 'postgres');
    extra.push(service);
    providers.push({
      name: 'postgres',
      search: (locale, query, types) =>
        service.search({
          locale: locale as SearchLocale,
          query,
          types: (types as SearchType[]) ?? null,
          page: 1,
          pageSize: 10,
        }),
    });
  }
});

/** `type:english slug` → documentId, for the relevance sets (stable keys a reader can read). */
async function keys(): Promise<Map<string, string>> {
  const { strapi } = await getApp();
  const map = new Map<string, string>();
  for (const [type, uid] of Object.entries(SEARCH_TYPES)) {
    const rows = (await strapi
      .documents(uid)
      .findMany({ locale: 'en', status: 'published', fields: ['slug'] } as never)) as any[];
    for (const row of rows) map.set(`${type}:${row.slug}`, row.documentId);
  }
  return map;
}

interface Case {
  query: string;
  top3: string[];
  why?: string;
}

const relevanceSet = (locale: string): Case[] =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'search', `relevance.${locale}.json`), 'utf8'));

async function waitFor(what: string, check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return Date.now();
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('relevance sets', () => {
  it.each(SEARCH_LOCALES)(
    '%s: at least 40 queries, each expected entry in the top 3 for 90 percent of them',
    async (locale) => {
      const cases = relevanceSet(locale);
      expect(cases.length).toBeGreaterThanOrEqual(40);
      const ids = await keys();
      for (const c of cases)
        for (const key of c.top3) expect(ids.has(key), `${locale} "${c.query}": unknown entry ${key}`).toBe(true);
      for (const provider of providers) {
        const misses: string[] = [];
        for (const c of cases) {
          const result = await provider.search(locale, c.query);
          const top = result.items.slice(0, 3).map((item: any) => item.documentId);
          const missing = c.top3.filter((key) => !top.includes(ids.get(key)));
          if (missing.length)
            misses.push(
              `"${c.query}" → ${result.items
                .slice(0, 3)
                .map((i: any) => `${i.type}:${i.title}`)
                .join(' | ')} (wanted ${missing.join(', ')})`,
            );
        }
        const score = (cases.length - misses.length) / cases.length;
        console.log(
          `[relevance] ${provider.name} ${locale}: ${(score * 100).toFixed(1)} % (${cases.length - misses.length}/${cases.length})`,
        );
        for (const miss of misses) console.log(`  miss ${locale}: ${miss}`);
        expect(score, `${provider.name} ${locale}`).toBeGreaterThanOrEqual(0.9);
      }
    },
  );
});

describe('what readers get', () => {
  it('forgives accents, case, a typo and an unfinished last word, and highlights what matched', async () => {
    const ids = await keys();
    const cyber = ids.get('module:cybersecurity-essentials');
    for (const provider of providers) {
      for (const [locale, query] of [
        ['fr', 'CYBERSECURITE'],
        ['es', 'ciberseguriad'],
        ['it', 'cybersicurezza'],
        ['en', 'cybersecu'],
      ] as const) {
        const result = await provider.search(locale, query);
        const ranked = nonEmpty(result.items, `${provider.name} ${locale} "${query}"`).map((i: any) => i.documentId);
        expect(ranked.slice(0, 3), `${provider.name} ${locale} "${query}"`).toContain(cyber);
      }
      const result = await provider.search('fr', 'donnees personnelles');
      const item = nonEmpty(result.items)[0];
      const marked = nonEmpty(item.highlights, 'highlights').map((h: any) =>
        item.excerpt.slice(h.start, h.end).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      );
      expect(marked.some((word: string) => word.startsWith('donn') || word.startsWith('personnel'))).toBe(true);
    }
  });

  it('narrows by type and counts every type', async () => {
    for (const provider of providers) {
      const all = await provider.search('en', 'data');
      const counted = Object.fromEntries(all.typeCounts.map((c: any) => [c.type, c.count]));
      expect(counted.module).toBeGreaterThan(0);
      expect(counted.jobSheet).toBeGreaterThan(0);
      const jobs = await provider.search('en', 'data', ['jobSheet']);
      expect(jobs.total).toBe(counted.jobSheet);
      expect(nonEmpty(jobs.items).every((i: any) => i.type === 'jobSheet')).toBe(true);
    }
  });

  it('suggests the nearest words when nothing matches', async () => {
    for (const provider of providers) {
      const result = await provider.search('fr', 'cybrsecuriteq');
      expect(result.total).toBe(0);
      expect(nonEmpty(result.suggestions).join(' ')).toMatch(/cyber/);
    }
  });
});

describe('freshness and drafts', () => {
  const unique = () =>
    `zq${crypto
      .randomBytes(5)
      .toString('hex')
      .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

  it('never finds a draft; finds a publish and loses an unpublish within 10 s', async () => {
    const { strapi } = await getApp();
    const word = unique();
    const slug = `search-${word}`;
    const doc: any = await strapi.documents(MODULE).create({
      locale: 'fr',
      data: { title: `Module ${word}`, slug, level: 'discovery', summary: `Un module sur ${word}.` },
    } as never);
    created.push(doc.documentId);
    const services = [searchService(strapi)!, ...extra];
    for (const service of services) await service.refresh();
    for (const provider of providers) expect((await provider.search('fr', word)).total, provider.name).toBe(0);

    await strapi.documents(MODULE).publish({ documentId: doc.documentId, locale: 'fr' } as never);
    for (const provider of providers)
      await waitFor(`${provider.name} finds the published module`, async () =>
        (await provider.search('fr', word)).items.some((i: any) => i.documentId === doc.documentId),
      );

    // Edited as a draft: the published text stays what search finds.
    const draftWord = unique();
    await strapi
      .documents(MODULE)
      .update({ documentId: doc.documentId, locale: 'fr', data: { summary: `Brouillon ${draftWord}` } } as never);
    for (const service of services) await service.refresh();
    for (const provider of providers) expect((await provider.search('fr', draftWord)).total, provider.name).toBe(0);

    await strapi.documents(MODULE).unpublish({ documentId: doc.documentId, locale: 'fr' } as never);
    for (const provider of providers)
      await waitFor(
        `${provider.name} no longer finds the unpublished module`,
        async () => !(await provider.search('fr', word)).items.some((i: any) => i.documentId === doc.documentId),
      );
  });

  it('finds an entry not yet translated through its English text, marked as a fallback', async () => {
    const { strapi } = await getApp();
    const word = unique();
    const doc: any = await strapi.documents(MODULE).create({
      locale: 'en',
      data: { title: `Module ${word}`, slug: `search-${word}`, level: 'discovery', summary: `About ${word}.` },
      status: 'published',
    } as never);
    created.push(doc.documentId);
    for (const provider of providers)
      await waitFor(`${provider.name} finds the English entry from Italian`, async () => {
        const item = (await provider.search('it', word)).items.find((i: any) => i.documentId === doc.documentId);
        if (!item) return false;
        expect(item).toMatchObject({ locale: 'en', fallback: true, slug: `search-${word}` });
        return true;
      });
  });
});

describe('partner limits', () => {
  it('refuses bad arguments with a message naming them, and runs nothing', async () => {
    for (const [variables, field] of [
      [{ locale: 'de', query: 'data' }, 'locale'],
      [{ locale: 'en', query: '   ' }, 'query'],
      [{ locale: 'en', query: 'a'.repeat(201) }, 'query'],
      [{ locale: 'en', query: 'data', types: ['registration'] }, 'types'],
      [{ locale: 'en', query: 'data', page: 0 }, 'page'],
      [{ locale: 'en', query: 'data', pageSize: 51 }, 'pageSize'],
    ] as const) {
      const result = await graphql(SEARCH, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(field);
      expect(result.data?.search ?? null).toBeNull();
    }
  });

  it('serves published entries to anyone, with what a partner needs to link them', async () => {
    const result = await graphql(SEARCH, { locale: 'es', query: 'cooperativas de plataforma' });
    const item = nonEmpty(result.data.search.items)[0];
    expect(item).toMatchObject({ type: 'module', locale: 'es', fallback: false });
    expect(item.slug).toMatch(/^[a-z0-9-]+$/);
    expect(result.data.search.total).toBeGreaterThan(0);
  });
});

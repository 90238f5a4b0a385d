import { afterAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';

const LISTING = `query($l: I18NLocaleCode, $f: OrganisationListingFilters, $p: Int, $s: Int) {
  organisationListing(locale: $l, filters: $f, page: $p, pageSize: $s) {
    total page pageSize pageCount
    nodes { documentId name locale country kind roles services { documentId locale } }
    facets { facet value count }
  }
}`;
const ALL = `query($l: I18NLocaleCode) { organisations(locale: $l, sort: "name", pagination: { limit: 100 }) { documentId name country kind roles services { documentId } } }`;

type Org = {
  documentId: string;
  name: string;
  country: string;
  kind: string;
  roles: string[];
  services: { documentId: string }[];
};
const valuesOf = (o: Org): Record<string, string[]> => ({
  country: [o.country],
  kind: [o.kind],
  role: o.roles ?? [],
  service: o.services.map((s) => s.documentId),
});
const FACETS = ['country', 'kind', 'role', 'service'];

/**
 * What the listing must answer, computed from every published organisation of the locale (what
 * the CMS itself did in JavaScript before the database did it): the page, the total, and for
 * every value present in the locale the count of the list choosing it, the other filters staying.
 */
function reference(all: Org[], filters: Record<string, string>, page: number, pageSize: number) {
  const matches = (o: Org, except?: string) =>
    Object.entries(filters).every(([f, v]) => f === except || valuesOf(o)[f]!.includes(v));
  const selected = all.filter((o) => matches(o));
  const facets = new Map<string, number>();
  for (const o of all)
    for (const facet of FACETS)
      for (const value of new Set(valuesOf(o)[facet])) {
        const key = `${facet}=${value}`;
        facets.set(key, (facets.get(key) ?? 0) + (matches(o, facet) ? 1 : 0));
      }
  return {
    ids: selected.slice((page - 1) * pageSize, page * pageSize).map((o) => o.documentId),
    total: selected.length,
    facets,
  };
}

/** The Atlas list: one page at a time, with facet counts, computed on the server. */
describe('organisationListing', () => {
  let draft: string | undefined;
  afterAll(async () => {
    const { strapi } = await getApp();
    if (draft)
      await strapi.documents('api::organisation.organisation').delete({ documentId: draft, locale: '*' } as any);
  });

  it('pages through every published organisation of a locale once, by name, in that locale', async () => {
    const all: Org[] = (await graphql(ALL, { l: 'it' })).data.organisations;
    const seen: string[] = [];
    let page = 1;
    let pageCount = 1;
    do {
      const { data, errors } = await graphql(LISTING, { l: 'it', p: page, s: 24 });
      expect(errors).toBeUndefined();
      const listing = data.organisationListing;
      expect(listing.total).toBe(all.length);
      expect(listing.pageCount).toBe(Math.ceil(all.length / 24));
      expect(listing.nodes.length).toBe(page < listing.pageCount ? 24 : all.length - 24 * (listing.pageCount - 1));
      for (const node of listing.nodes) {
        expect(node.locale).toBe('it');
        for (const service of node.services) expect(service.locale).toBe('it');
      }
      seen.push(...listing.nodes.map((n: Org) => n.documentId));
      pageCount = listing.pageCount;
      page++;
    } while (page <= pageCount);
    expect(all.length).toBeGreaterThan(60);
    expect(seen).toEqual(all.map((o) => o.documentId)); // same order as the partners' `sort: "name"`
  });

  it('filters, and counts each facet value as the list choosing it would have', async () => {
    const all: Org[] = (await graphql(ALL, { l: 'fr' })).data.organisations;
    const filters = { country: 'FR', role: 'training' };
    const { data, errors } = await graphql(LISTING, { l: 'fr', f: filters, s: 100 });
    expect(errors).toBeUndefined();
    const listing = data.organisationListing;
    const expected = all.filter((o) => o.country === 'FR' && o.roles.includes('training'));
    expect(expected.length).toBeGreaterThan(0);
    expect(listing.nodes.map((n: Org) => n.documentId)).toEqual(expected.map((o) => o.documentId));
    expect(listing.total).toBe(expected.length);

    const selected: Record<string, string> = filters;
    for (const { facet, value, count } of listing.facets) {
      const others = all.filter((o) =>
        Object.entries(selected).every(([f, v]) => f === facet || valuesOf(o)[f]!.includes(v)),
      );
      expect(count, `${facet}=${value}`).toBe(others.filter((o) => valuesOf(o)[facet]!.includes(value)).length);
    }
    // Every value of the locale is offered, even when the other filters leave none.
    const countries = new Set(all.map((o) => o.country));
    expect(new Set(listing.facets.filter((f: any) => f.facet === 'country').map((f: any) => f.value))).toEqual(
      countries,
    );
    expect(listing.facets.some((f: any) => f.facet === 'service' && f.count === 0)).toBe(true);
    // Kinds speak the GraphQL enum, as Organisation.kind does.
    expect(listing.facets.filter((f: any) => f.facet === 'kind').map((f: any) => f.value)).toContain(
      'social_enterprise',
    );
  });

  it('answers as the list computed from every organisation would, for every filter and pairs of them', async () => {
    for (const locale of ['en', 'fr', 'it', 'es']) {
      const all: Org[] = (await graphql(ALL, { l: locale })).data.organisations;
      expect(all.length).toBeGreaterThan(60);
      // Every value of every facet alone, and every country with each other facet's values.
      const values = (facet: string) => [...new Set(all.flatMap((o) => valuesOf(o)[facet]!))].sort();
      const cases: Record<string, string>[] = [{}];
      for (const facet of FACETS) for (const value of values(facet)) cases.push({ [facet]: value });
      if (locale === 'en')
        for (const country of values('country').slice(0, 4))
          for (const facet of ['kind', 'role', 'service'])
            for (const value of values(facet)) cases.push({ country, [facet]: value });
      cases.push({ country: 'FR', kind: 'association', role: 'training', service: values('service')[0]! });
      for (const filters of cases) {
        const expected = reference(all, filters, 2, 5);
        const { data, errors } = await graphql(LISTING, { l: locale, f: filters, p: 2, s: 5 });
        expect(errors, JSON.stringify(filters)).toBeUndefined();
        const listing = data.organisationListing;
        expect(
          listing.nodes.map((n: Org) => n.documentId),
          JSON.stringify(filters),
        ).toEqual(expected.ids);
        expect(listing.total, JSON.stringify(filters)).toBe(expected.total);
        expect(
          new Map(listing.facets.map((f: any) => [`${f.facet}=${f.value}`, f.count])),
          `${locale} ${JSON.stringify(filters)}`,
        ).toEqual(expected.facets);
      }
    }
  });

  it('lists and counts an organisation without coordinates', async () => {
    const { strapi } = await getApp();
    const before = (await graphql(LISTING, { l: 'es', f: { country: 'PT' } })).data.organisationListing;
    const created: any = await strapi.documents('api::organisation.organisation').create({
      locale: 'es',
      data: { name: 'Aaa Sin Coordenadas', slug: 'aaa-sin-coordenadas', kind: 'mutual', country: 'PT', roles: [] },
      status: 'published',
    } as any);
    try {
      const after = (await graphql(LISTING, { l: 'es', f: { country: 'PT' } })).data.organisationListing;
      expect(after.total).toBe(before.total + 1);
      expect(after.nodes[0].name).toBe('Aaa Sin Coordenadas');
      expect(after.facets.find((f: any) => f.facet === 'kind' && f.value === 'mutual')?.count).toBe(
        (before.facets.find((f: any) => f.facet === 'kind' && f.value === 'mutual')?.count ?? 0) + 1,
      );
    } finally {
      await strapi
        .documents('api::organisation.organisation')
        .delete({ documentId: created.documentId, locale: '*' } as any);
    }
  });

  it('follows publishing at once: a new organisation and value, a rename that moves it, an unpublish', async () => {
    const { strapi } = await getApp();
    const documents = strapi.documents('api::organisation.organisation');
    const check = async (label: string) => {
      const all: Org[] = (await graphql(ALL, { l: 'en' })).data.organisations;
      for (const filters of [{}, { country: 'GL' }, { role: 'tools-provider' }, { country: 'FR' }] as Record<
        string,
        string
      >[]) {
        const expected = reference(all, filters, 1, 100);
        const listing = (await graphql(LISTING, { l: 'en', f: filters, s: 100 })).data.organisationListing;
        expect(
          listing.nodes.map((n: Org) => n.documentId),
          `${label} ${JSON.stringify(filters)}`,
        ).toEqual(expected.ids);
        expect(new Map(listing.facets.map((f: any) => [`${f.facet}=${f.value}`, f.count]))).toEqual(expected.facets);
      }
      return all;
    };
    const created: any = await documents.create({
      locale: 'en',
      data: {
        name: 'Zzz Late Cooperative',
        slug: 'zzz-late-cooperative',
        kind: 'cooperative',
        // A country no other organisation has (the roles are a closed list: choices.ts).
        country: 'GL',
        roles: ['tools-provider'],
      },
      status: 'published',
    } as any);
    try {
      const at = (all: Org[]) => all.findIndex((o) => o.documentId === created.documentId);
      let all = await check('published');
      const first = at(all);
      expect(first).toBeGreaterThan(-1);
      await documents.update({
        documentId: created.documentId,
        locale: 'en',
        data: { name: 'Mmm Moved Cooperative' },
        status: 'published',
      } as any);
      all = await check('renamed');
      expect(at(all)).toBeGreaterThan(-1);
      expect(at(all)).toBeLessThan(first);
      await documents.unpublish({ documentId: created.documentId, locale: 'en' } as any);
      all = await check('unpublished');
      expect(all.some((o) => o.documentId === created.documentId)).toBe(false);
      const facets = (await graphql(LISTING, { l: 'en' })).data.organisationListing.facets;
      expect(facets.some((f: any) => f.value === 'GL')).toBe(false);
    } finally {
      await documents.delete({ documentId: created.documentId, locale: '*' } as any);
    }
  });

  it('never lists or counts drafts', async () => {
    const { strapi } = await getApp();
    const before = (await graphql(LISTING, { l: 'en', s: 1 })).data.organisationListing;
    const created: any = await strapi.documents('api::organisation.organisation').create({
      locale: 'en',
      data: {
        name: 'Aaa Draft Cooperative',
        slug: 'aaa-draft-cooperative',
        kind: 'cooperative',
        country: 'AQ',
        roles: ['training'],
      },
    } as any);
    draft = created.documentId;
    const after = (await graphql(LISTING, { l: 'en', s: 1 })).data.organisationListing;
    expect(after.total).toBe(before.total);
    expect(after.nodes[0].documentId).toBe(before.nodes[0].documentId);
    expect(after.facets.some((f: any) => f.value === 'AQ')).toBe(false);
  });

  it('refuses page sizes past the limit and pages before the first, and has no nodes past the last', async () => {
    for (const [variables, message] of [
      [{ s: 101 }, /pageSize must be between 1 and 100/],
      [{ s: 0 }, /pageSize/],
      [{ p: 0 }, /page must be 1 or more/],
    ] as const) {
      const { data, errors } = await graphql(LISTING, { l: 'en', ...variables });
      expect(data).toBeNull();
      expect(errors?.[0]?.message).toMatch(message);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const past = (await graphql(LISTING, { l: 'en', p: 99 })).data.organisationListing;
    expect(past.nodes).toEqual([]);
    expect(past.total).toBeGreaterThan(60);
  });
});

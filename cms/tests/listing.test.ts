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

  it('never lists or counts drafts', async () => {
    const { strapi } = await getApp();
    const before = (await graphql(LISTING, { l: 'en', s: 1 })).data.organisationListing;
    const created: any = await strapi.documents('api::organisation.organisation').create({
      locale: 'en',
      data: {
        name: 'Aaa Draft Cooperative',
        slug: 'aaa-draft-cooperative',
        kind: 'cooperative',
        country: 'ZZ',
        roles: ['training'],
      },
    } as any);
    draft = created.documentId;
    const after = (await graphql(LISTING, { l: 'en', s: 1 })).data.organisationListing;
    expect(after.total).toBe(before.total);
    expect(after.nodes[0].documentId).toBe(before.nodes[0].documentId);
    expect(after.facets.some((f: any) => f.value === 'ZZ')).toBe(false);
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

import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';

/** The Atlas's map (organisationMap): the listing's organisations, clustered on the server per viewport. */
const MAP = `query($l: I18NLocaleCode, $f: OrganisationListingFilters, $w: Float, $s: Float, $e: Float, $n: Float, $z: Int) {
  organisationMap(locale: $l, filters: $f, west: $w, south: $s, east: $e, north: $n, zoom: $z) {
    placed unplaced zoom
    points { latitude longitude count clusterId documentId name slug kind kinds { value count } }
  }
}`;
const CLUSTER = `query($l: I18NLocaleCode, $f: OrganisationListingFilters, $c: Int!) {
  organisationMapCluster(locale: $l, filters: $f, clusterId: $c) { documentId name slug kind count }
}`;
const LISTING = `query($l: I18NLocaleCode, $f: OrganisationListingFilters) { organisationListing(locale: $l, filters: $f, pageSize: 100) { total nodes { documentId latitude longitude } } }`;

const sum = (points: { count: number }[]) => points.reduce((n, p) => n + p.count, 0);

describe('organisationMap', () => {
  const created: string[] = [];
  afterAll(async () => {
    const { strapi } = await getApp();
    for (const documentId of created)
      await strapi.documents('api::organisation.organisation').delete({ documentId, locale: '*' } as any);
  });

  it('places every organisation of the list, clustered, whatever the filters', async () => {
    for (const filters of [{}, { country: 'FR' }, { kind: 'cooperative' }, { role: 'training', country: 'IT' }]) {
      const listing = (await graphql(LISTING, { l: 'fr', f: filters })).data.organisationListing;
      const { data, errors } = await graphql(MAP, { l: 'fr', f: filters, z: 2 });
      expect(errors).toBeUndefined();
      const map = data.organisationMap;
      expect(map.placed + map.unplaced, JSON.stringify(filters)).toBe(listing.total);
      expect(sum(map.points)).toBe(map.placed);
      // Fewer points than organisations: clustered (several share a city).
      if (listing.total > 10) expect(map.points.length).toBeLessThan(listing.total);
      for (const point of map.points) {
        expect(sum(point.kinds)).toBe(point.count);
        if (point.count === 1) expect(point.documentId).toBeTruthy();
        else expect(point.clusterId).not.toBeNull();
      }
    }
  });

  it('gives only what lies in the viewport, and a cluster opens on its organisations', async () => {
    const listing = (await graphql(LISTING, { l: 'en' })).data.organisationListing;
    const box = { w: 2, s: 41, e: 10, n: 49 }; // southern France, north-west Italy
    const inside = listing.nodes.filter(
      (o: any) => o.longitude >= box.w && o.longitude <= box.e && o.latitude >= box.s && o.latitude <= box.n,
    );
    expect(inside.length).toBeGreaterThan(2);
    const map = (await graphql(MAP, { l: 'en', ...box, z: 8 })).data.organisationMap;
    expect(sum(map.points)).toBe(inside.length);
    const cluster = map.points.find((p: any) => p.clusterId != null);
    expect(cluster, 'a city with several organisations').toBeDefined();
    const { data, errors } = await graphql(CLUSTER, { l: 'en', c: cluster.clusterId });
    expect(errors).toBeUndefined();
    const leaves = data.organisationMapCluster;
    expect(leaves.length).toBe(cluster.count);
    const names = leaves.map((l: any) => l.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    for (const leaf of leaves) expect(inside.map((o: any) => o.documentId)).toContain(leaf.documentId);
  });

  it('keeps a response small, and refuses a zoom or a box it cannot serve', async () => {
    const { body } = await graphql(MAP, { l: 'en', z: 4 });
    expect(gzipSync(JSON.stringify(body)).length).toBeLessThan(15 * 1024);
    for (const variables of [{ z: 11 }, { z: -1 }, { s: 50, n: 40 }]) {
      const { data, errors } = await graphql(MAP, { l: 'en', ...variables });
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const missing = await graphql(CLUSTER, { l: 'en', c: 987654321 });
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never places a draft, and follows publishing; counts but does not place one without coordinates', async () => {
    const { strapi } = await getApp();
    const before = (await graphql(MAP, { l: 'it', f: { country: 'PT' }, z: 0 })).data.organisationMap;
    const documents = strapi.documents('api::organisation.organisation');
    const draft: any = await documents.create({
      locale: 'it',
      data: {
        name: 'Bozza Lisbona',
        slug: 'bozza-lisbona',
        kind: 'mutual',
        country: 'PT',
        latitude: 38.72,
        longitude: -9.14,
      },
    } as any);
    created.push(draft.documentId);
    expect((await graphql(MAP, { l: 'it', f: { country: 'PT' }, z: 0 })).data.organisationMap.placed).toBe(
      before.placed,
    );
    await documents.publish({ documentId: draft.documentId, locale: 'it' } as any);
    const after = (await graphql(MAP, { l: 'it', f: { country: 'PT' }, z: 0 })).data.organisationMap;
    expect(after.placed).toBe(before.placed + 1);
    const unplaced: any = await documents.create({
      locale: 'it',
      data: { name: 'Senza Luogo', slug: 'senza-luogo', kind: 'mutual', country: 'PT' },
      status: 'published',
    } as any);
    created.push(unplaced.documentId);
    const last = (await graphql(MAP, { l: 'it', f: { country: 'PT' }, z: 0 })).data.organisationMap;
    expect([last.placed, last.unplaced]).toEqual([after.placed, after.unplaced + 1]);
  });
});

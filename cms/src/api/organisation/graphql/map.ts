import type { Core } from '@strapi/strapi';
import Supercluster, { type ClusterFeature, type PointFeature } from 'supercluster';
import { GraphQLError } from 'graphql';
import type { ExtensionContext } from '../../../graphql/extension';
import { atlasOf, placedOrganisations, type Filters, type PlacedOrganisation } from '../listing/query';

/**
 * The Atlas's map: the organisations the filters keep, clustered on the server per viewport
 * (`supercluster`), so that a reader's browser gets a few dozen points whatever the number of
 * organisations. `organisationMap` gives the points and clusters of a bounding box at a zoom;
 * `organisationMapCluster` the organisations of one cluster (a reader who opens it).
 *
 * One index per (locale, filters), built from the listing's copy of the locale's organisations
 * (../listing/query.ts: published rows only, filtered in memory, no SQL) and kept while the
 * locale's organisations stay the same (the atlas's revision: a change of other content keeps
 * them); a few dozen at most.
 */
export const MAP_MAX_ZOOM = 10;
const CLUSTER_RADIUS = 60;
const INDEXES_KEPT = 64;
const LEAVES_MAX = 100;

type Properties = Omit<PlacedOrganisation, 'latitude' | 'longitude'>;
interface Index {
  /** The atlas's revision: it changes when the organisations do, not for other content. */
  version: number;
  index: Supercluster<Properties, { kinds: Record<string, number> }>;
  placed: number;
  unplaced: number;
}

export function mapIndexes(strapi: Core.Strapi) {
  const indexes = new Map<string, Promise<Index>>();
  return async function indexOf(locale: string, filters: Filters): Promise<Index> {
    const atlas = await atlasOf(strapi, locale);
    const version = atlas.revision;
    const key = JSON.stringify([
      locale,
      filters.country ?? null,
      filters.kind ?? null,
      filters.role ?? null,
      filters.service ?? null,
    ]);
    const known = await indexes.get(key)?.catch(() => null);
    if (known && known.version === version) {
      indexes.delete(key); // most recently used last
      indexes.set(key, Promise.resolve(known));
      return known;
    }
    const building = (async () => {
      const { placed, unplaced } = await placedOrganisations(strapi, locale, filters, atlas);
      const index = new Supercluster<Properties, { kinds: Record<string, number> }>({
        radius: CLUSTER_RADIUS,
        maxZoom: MAP_MAX_ZOOM + 1,
        map: (p) => ({ kinds: { [p.kind]: 1 } }),
        reduce: (acc, p) => {
          // A copy: supercluster copies properties shallowly, the nested object would be shared.
          acc.kinds = { ...acc.kinds };
          for (const [kind, n] of Object.entries(p.kinds)) acc.kinds[kind] = (acc.kinds[kind] ?? 0) + n;
        },
      });
      index.load(
        placed.map(({ latitude, longitude, ...properties }) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [longitude, latitude] },
          properties,
        })),
      );
      return { version, index, placed: placed.length, unplaced };
    })();
    indexes.set(key, building);
    building.catch(() => indexes.delete(key));
    while (indexes.size > INDEXES_KEPT) indexes.delete(indexes.keys().next().value!);
    return building;
  };
}

type Args = {
  locale?: string;
  filters?: Filters;
  west?: number;
  south?: number;
  east?: number;
  north?: number;
  zoom?: number;
};

export default function organisationMap(strapi: Core.Strapi) {
  const indexOf = mapIndexes(strapi);
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.objectType({
        name: 'OrganisationMapPoint',
        description:
          'An organisation (count 1, with its documentId, name, slug and kind) or a cluster of them (clusterId).',
        definition(t) {
          t.nonNull.float('latitude');
          t.nonNull.float('longitude');
          t.nonNull.int('count');
          t.int('clusterId', { description: 'For organisationMapCluster; null for a single organisation.' });
          t.string('documentId');
          t.string('name');
          t.string('slug');
          t.string('kind', { description: 'An ENUM_ORGANISATION_KIND value, e.g. "social_enterprise".' });
          t.nonNull.list.nonNull.field('kinds', {
            type: 'ListingFacetValue',
            description: 'How many organisations of each kind (facet "kind").',
          });
        },
      }),
      nexus.objectType({
        name: 'OrganisationMap',
        definition(t) {
          t.nonNull.list.nonNull.field('points', { type: 'OrganisationMapPoint' });
          t.nonNull.int('placed', { description: 'Organisations the filters keep that have coordinates.' });
          t.nonNull.int('unplaced', {
            description: 'Organisations the filters keep without coordinates (in the list only).',
          });
          t.nonNull.int('zoom', { description: 'The zoom the points are clustered for.' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('organisationMap', {
            type: 'OrganisationMap',
            description: `The published organisations of a locale that the filters keep, clustered for a map view: the points and clusters inside a bounding box (WGS 84 degrees) at a zoom from 0 to ${MAP_MAX_ZOOM}.`,
            args: {
              locale: nexus.arg({ type: 'I18NLocaleCode' }),
              filters: nexus.arg({ type: 'OrganisationListingFilters' }),
              west: nexus.floatArg({ default: -180 }),
              south: nexus.floatArg({ default: -85 }),
              east: nexus.floatArg({ default: 180 }),
              north: nexus.floatArg({ default: 85 }),
              zoom: nexus.intArg({ default: 3 }),
            },
            async resolve(_parent: unknown, args: Args) {
              const zoom = args.zoom ?? 3;
              if (!Number.isInteger(zoom) || zoom < 0 || zoom > MAP_MAX_ZOOM)
                throw badInput(`zoom must be an integer from 0 to ${MAP_MAX_ZOOM}.`);
              const box = [args.west ?? -180, args.south ?? -85, args.east ?? 180, args.north ?? 85];
              if (box.some((v) => !Number.isFinite(v)) || box[1]! < -90 || box[3]! > 90 || box[1]! > box[3]!)
                throw badInput('The bounding box must be west, south, east, north in degrees, south below north.');
              const { index, placed, unplaced } = await indexOf(args.locale ?? 'en', args.filters ?? {});
              const features = index.getClusters(box as [number, number, number, number], zoom);
              return { points: features.map(toPoint), placed, unplaced, zoom };
            },
          });
          t.nonNull.list.nonNull.field('organisationMapCluster', {
            type: 'OrganisationMapPoint',
            description: `The organisations of a cluster of organisationMap (same locale and filters), by name, ${LEAVES_MAX} at most per call.`,
            args: {
              locale: nexus.arg({ type: 'I18NLocaleCode' }),
              filters: nexus.arg({ type: 'OrganisationListingFilters' }),
              clusterId: nexus.nonNull(nexus.intArg()),
              offset: nexus.intArg({ default: 0 }),
            },
            async resolve(_parent: unknown, args: Args & { clusterId: number; offset?: number }) {
              const { index } = await indexOf(args.locale ?? 'en', args.filters ?? {});
              let leaves;
              try {
                leaves = index.getLeaves(args.clusterId, Infinity);
              } catch {
                throw badInput('No such cluster: ask organisationMap again (the content or the filters changed).');
              }
              const offset = Math.max(0, args.offset ?? 0);
              return leaves
                .map(toPoint)
                .sort(
                  (a, b) =>
                    (a.name ?? '').localeCompare(b.name ?? '') ||
                    (a.documentId ?? '').localeCompare(b.documentId ?? ''),
                )
                .slice(offset, offset + LEAVES_MAX);
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.organisationMap': { auth: false },
      'Query.organisationMapCluster': { auth: false },
    },
  });
}

type Feature = ClusterFeature<{ kinds: Record<string, number> }> | PointFeature<Properties>;

function toPoint(feature: Feature) {
  const [longitude, latitude] = feature.geometry.coordinates as [number, number];
  const p = feature.properties as Record<string, unknown>;
  if (p.cluster) {
    const kinds = p.kinds as Record<string, number>;
    return {
      latitude,
      longitude,
      count: p.point_count as number,
      clusterId: p.cluster_id as number,
      documentId: null,
      name: null,
      slug: null,
      kind: null,
      kinds: Object.entries(kinds).map(([value, count]) => ({ facet: 'kind', value, count })),
    };
  }
  const o = p as unknown as Properties;
  return {
    latitude,
    longitude,
    count: 1,
    clusterId: null,
    documentId: o.documentId,
    name: o.name,
    slug: o.slug,
    kind: o.kind,
    kinds: [{ facet: 'kind', value: o.kind, count: 1 }],
  };
}

function badInput(message: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

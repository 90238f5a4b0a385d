import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feature } from 'topojson-client';

/**
 * The Atlas map's basemap, served by the site itself (no tile server): the country outlines of
 * Natural Earth (public domain) at 1:50m, from the `world-atlas` package's TopoJSON, converted to
 * GeoJSON at build time (nuxt.config.ts). Only the countries that reach Europe's box are kept (the map shows
 * Europe, country to region zoom), coordinates rounded to 0.01° (about 1 km, below what a region
 * zoom shows) with repeated points dropped. Written among the built site's public files, served
 * at /map/countries.geojson; 113 KB gzip (377 KB), loaded only by the map.
 */
export const BASEMAP_PATH = '/map/countries.geojson';
const EUROPE = { west: -32, south: 27, east: 50, north: 72 };

type Ring = number[][];
const round = (ring: Ring): Ring => {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const point = [Math.round(x! * 100) / 100, Math.round(y! * 100) / 100];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
};
const reaches = (ring: Ring) =>
  ring.some(([x, y]) => x! >= EUROPE.west && x! <= EUROPE.east && y! >= EUROPE.south && y! <= EUROPE.north);

export function buildBasemap(): string {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json') as Parameters<typeof feature>[0];
  const countries = feature(topology, topology.objects.countries as Parameters<typeof feature>[1]) as unknown as {
    features: { properties: unknown; geometry: { type: string; coordinates: unknown } | null }[];
  };
  const features = [];
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
    // Keep the parts of a country that reach the box (France without Guyana, Russia west of the Urals' box edge).
    const kept = polygons
      .filter((polygon) => reaches(polygon[0]!))
      .map((polygon) => polygon.map(round).filter((ring) => ring.length >= 4));
    if (!kept.length) continue;
    features.push({
      type: 'Feature',
      properties: { name: (country.properties as { name?: string } | null)?.name ?? '' },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

export function writeBasemap(publicDir: string): string {
  const dir = join(publicDir, 'map');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'countries.geojson'), buildBasemap());
  return dir;
}

import fs from 'node:fs';
import path from 'node:path';
import { LOCALE_CODES, type LocaleCode } from '../i18n/locales';

/**
 * A value of a fixture's fields: JSON shaped like the content type's data. `any`, not `unknown`:
 * Strapi would describe these shapes only with types generated from the schemas
 * (`strapi ts:generate-types`), which this project does not generate; loadFixtures checks the keys
 * and locales, and the Document Service validates every field when the seed writes it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FixtureField = any;

/** One fixture entry: shared fields and relations by key, plus `locales.<code>` localized fields. */
export interface Fixture {
  key: string;
  locales: Record<LocaleCode, Record<string, FixtureField>>;
  [field: string]: FixtureField;
}

export const FIXTURE_FOLDERS = [
  'themes',
  'audiences',
  'competences',
  'organisations',
  'job-sheets',
  'modules',
  'interviews',
  'training-sessions',
  'job-offers',
  'webinars',
  'trainer-kits',
] as const;
export type FixtureFolder = (typeof FIXTURE_FOLDERS)[number];

export interface FixtureSet {
  collections: Record<FixtureFolder, Fixture[]>;
  home: Fixture;
  site: Fixture;
  trainersCorner: Fixture;
}

function readJson(file: string) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Demo content: cannot read ${file}: ${(error as Error).message}`);
  }
}

function checkLocales(fixture: Fixture, where: string) {
  for (const locale of LOCALE_CODES) {
    if (!fixture.locales?.[locale]) throw new Error(`Demo content: ${where} has no "${locale}" locale`);
  }
}

/** Reads `data/`: one folder per type, each file one entry or an array of entries. */
export function loadFixtures(dataDir: string): FixtureSet {
  const collections = {} as Record<FixtureFolder, Fixture[]>;
  for (const folder of FIXTURE_FOLDERS) {
    const dir = path.join(dataDir, folder);
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    const entries: Fixture[] = files.flatMap((file) => [readJson(path.join(dir, file))].flat());
    const keys = new Set<string>();
    for (const entry of entries) {
      if (!entry.key) throw new Error(`Demo content: an entry of ${folder} has no key`);
      if (keys.has(entry.key)) throw new Error(`Demo content: ${folder} has the key "${entry.key}" twice`);
      keys.add(entry.key);
      checkLocales(entry, `${folder}/${entry.key}`);
    }
    collections[folder] = entries;
  }
  placeOrganisations(collections.organisations, readJson(path.join(dataDir, 'cities.json')));
  const home = { key: 'home', ...readJson(path.join(dataDir, 'home.json')) };
  const site = { key: 'site', ...readJson(path.join(dataDir, 'site.json')) };
  checkLocales(home, 'home.json');
  const trainersCorner = { key: 'trainers-corner', ...readJson(path.join(dataDir, 'trainers-corner.json')) };
  checkLocales(site, 'site.json');
  checkLocales(trainersCorner, 'trainers-corner.json');
  return { collections, home, site, trainersCorner };
}

export interface City {
  country: string;
  city: string;
  latitude: number;
  longitude: number;
}

/**
 * Coordinates at the city centre (`data/cities.json`, a committed table: no geocoding at run time)
 * for every organisation that does not give its own; one in a city missing from the table and
 * without coordinates stops the seed, so every demo organisation is on the map.
 */
export function placeOrganisations(organisations: Fixture[], cities: City[]) {
  const byName = new Map(cities.map((c) => [`${c.country}|${c.city}`, c]));
  for (const organisation of organisations) {
    if (organisation.latitude != null && organisation.longitude != null) continue;
    const city = byName.get(`${organisation.country}|${organisation.city}`);
    if (!city) {
      throw new Error(
        `Demo content: organisations/${organisation.key} has no coordinates and its city (${organisation.country}, ${organisation.city}) is not in cities.json`,
      );
    }
    organisation.latitude = city.latitude;
    organisation.longitude = city.longitude;
  }
}

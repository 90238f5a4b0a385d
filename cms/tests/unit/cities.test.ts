import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixtures, placeOrganisations, type City, type Fixture } from '../../src/seed/fixtures';

const dataDir = path.resolve(__dirname, '../../data');
const cities: City[] = JSON.parse(readFileSync(path.join(dataDir, 'cities.json'), 'utf8'));

describe('the cities table (data/cities.json)', () => {
  it('places every demo organisation at its city centre', () => {
    const { organisations } = loadFixtures(dataDir).collections;
    expect(organisations.length).toBeGreaterThan(90);
    const byName = new Map(cities.map((c) => [`${c.country}|${c.city}`, c]));
    for (const o of organisations) {
      const city = byName.get(`${o.country}|${o.city}`);
      expect(city, `${o.key}: ${o.country} ${o.city}`).toBeDefined();
      expect([o.latitude, o.longitude], o.key).toEqual([city!.latitude, city!.longitude]);
    }
    for (const c of cities) {
      expect(Math.abs(c.latitude), c.city).toBeLessThanOrEqual(90);
      expect(Math.abs(c.longitude), c.city).toBeLessThanOrEqual(180);
    }
  });

  it('fills missing coordinates from the table, and refuses an unknown city without them', () => {
    const org = (city: string): Fixture => ({ key: city, country: 'FR', city, locales: {} as Fixture['locales'] });
    const lyon = org('Lyon');
    placeOrganisations([lyon], cities);
    expect([lyon.latitude, lyon.longitude]).toEqual([45.764, 4.8357]);
    expect(() => placeOrganisations([org('Nowhere')], cities)).toThrow(/Nowhere.*not in cities\.json/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import ICAL from 'ical.js';
import { getApp, graphql } from './strapi';

/**
 * The open data (src/open-data/): every file built from published content, valid in its own
 * format (the Atlas CSV against its TableSchema, the GeoJSON as RFC 7946 wants it, the calendar
 * parsed back by ical.js), with stable ids, its licence, no personal data, and following the
 * content as the publishing change log moves.
 */
async function get(path: string, headers: Record<string, string> = {}) {
  const { url } = await getApp();
  return fetch(`${url}/api/open-data/${path}`, { headers });
}
const text = async (path: string) => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return response.text();
};

const ORGS = `query($l: I18NLocaleCode) { organisations(locale: $l, sort: "name", pagination: { limit: 200 }) { documentId name slug latitude longitude services { documentId } } }`;

type Field = { name: string; type: string; constraints?: Record<string, any> };

/** A strict TableSchema check of a CSV: header, types, required, unique, enum, pattern, bounds. */
function validateCsv(csv: string, schema: { fields: Field[]; primaryKey: string; missingValues: string[] }) {
  const rows: string[][] = parseCsv(csv, { relax_quotes: false, skip_empty_lines: true });
  const [header, ...records] = rows;
  const errors: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(schema.fields.map((f) => f.name)))
    errors.push(`header ${header} differs from the schema's fields`);
  const seen = new Map<string, Set<string>>();
  records.forEach((record, line) => {
    if (record.length !== schema.fields.length) errors.push(`row ${line + 2}: ${record.length} cells`);
    schema.fields.forEach((field, i) => {
      const value = record[i] ?? '';
      const where = `row ${line + 2} ${field.name}=${JSON.stringify(value)}`;
      const c = field.constraints ?? {};
      if (schema.missingValues.includes(value)) {
        if (c.required) errors.push(`${where}: required`);
        return;
      }
      if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) errors.push(`${where}: not a number`);
      if (field.type === 'integer' && !/^-?\d+$/.test(value)) errors.push(`${where}: not an integer`);
      if (field.type === 'boolean' && !['true', 'false'].includes(value)) errors.push(`${where}: not a boolean`);
      if (c.enum && !c.enum.includes(value)) errors.push(`${where}: not in enum`);
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value)) errors.push(`${where}: pattern`);
      if (c.maxLength && value.length > c.maxLength) errors.push(`${where}: too long`);
      if (c.minimum != null && Number(value) < c.minimum) errors.push(`${where}: below minimum`);
      if (c.maximum != null && Number(value) > c.maximum) errors.push(`${where}: above maximum`);
      if (c.unique || field.name === schema.primaryKey) {
        const values = seen.get(field.name) ?? new Set();
        if (values.has(value)) errors.push(`${where}: duplicate`);
        values.add(value);
        seen.set(field.name, values);
      }
    });
  });
  return { header, records, errors };
}

describe('open data', () => {
  const created: string[] = [];
  afterAll(async () => {
    const { strapi } = await getApp();
    for (const documentId of created)
      await strapi.documents('api::organisation.organisation').delete({ documentId, locale: '*' } as any);
  });

  it('publishes the Atlas as CSV valid against its TableSchema, with every published organisation', async () => {
    for (const locale of ['fr', 'it']) {
      const orgs = (await graphql(ORGS, { l: locale })).data.organisations;
      const schema = JSON.parse(await text(`${locale}/atlas.schema.json`));
      const response = await get(`${locale}/atlas.csv`);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
      const { records, errors } = validateCsv(await response.text(), schema);
      expect(errors).toEqual([]);
      expect(records.map((r) => r[0]).sort()).toEqual(orgs.map((o: any) => o.documentId).sort());
      expect(schema.licenses[0].path).toBe('https://creativecommons.org/licenses/by/4.0/');
    }
  });

  it('publishes the Atlas as RFC 7946 GeoJSON, one point per organisation at its coordinates', async () => {
    const orgs = (await graphql(ORGS, { l: 'en' })).data.organisations;
    const body = await text('en/atlas.geojson');
    const geojson: any = checkGeoJson(body); // throws on anything RFC 7946 refuses
    expect(geojson.type).toBe('FeatureCollection');
    expect(JSON.parse(body).license).toBe('https://creativecommons.org/licenses/by/4.0/');
    const byId = new Map(geojson.features.map((f: any) => [f.id, f]));
    expect(byId.size).toBe(orgs.length);
    for (const o of orgs) {
      const feature: any = byId.get(o.documentId);
      expect(feature, o.name).toBeDefined();
      expect(feature.geometry.coordinates).toEqual([o.longitude, o.latitude]);
      expect(feature.properties.name).toBe(o.name);
      expect(feature.properties.url).toBe(`http://localhost:3000/en/atlas/${o.slug}`);
    }
  });

  it('gives no personal data and no draft, and follows publishing and unpublishing', async () => {
    const { strapi } = await getApp();
    const before = JSON.parse(await text('es/atlas.json'));
    expect(Object.keys(before.organisations[0]).sort()).toEqual(
      [
        'city',
        'country',
        'description',
        'foundedYear',
        'id',
        'isConsortiumPartner',
        'kind',
        'latitude',
        'longitude',
        'name',
        'roles',
        'services',
        'slug',
        'url',
        'website',
      ].sort(),
    );
    const documents = strapi.documents('api::organisation.organisation');
    const draft: any = await documents.create({
      locale: 'es',
      data: {
        name: 'Cooperativa Borrador',
        slug: 'cooperativa-borrador',
        kind: 'cooperative',
        country: 'ES',
        city: 'Madrid',
      },
    } as any);
    created.push(draft.documentId);
    const csvEtag = (await get('es/atlas.csv')).headers.get('etag');
    for (const file of ['es/atlas.json', 'es/atlas.geojson', 'es/atlas.csv'])
      expect(await text(file), file).not.toContain(draft.documentId);

    await documents.publish({ documentId: draft.documentId, locale: 'es' } as any);
    const after = JSON.parse(await text('es/atlas.json'));
    expect(after.count).toBe(before.count + 1);
    expect(after.organisations.map((o: any) => o.id)).toContain(draft.documentId);
    expect(await text('es/atlas.csv')).toContain(draft.documentId);
    expect((await get('es/atlas.csv')).headers.get('etag')).not.toBe(csvEtag);
    // A feature without coordinates keeps its place, with a null geometry (RFC 7946 §3.2).
    const feature = JSON.parse(await text('es/atlas.geojson')).features.find((f: any) => f.id === draft.documentId);
    expect(feature.geometry).toBeNull();

    await documents.unpublish({ documentId: draft.documentId, locale: 'es' } as any);
    expect(JSON.parse(await text('es/atlas.json')).count).toBe(before.count);
  });

  it('answers 304 to a client that has the current file', async () => {
    const first = await get('en/atlas.csv');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get('en/atlas.csv', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('publishes the training sessions of each locale as an iCalendar feed that parses back', async () => {
    const SESSIONS = `query($l: I18NLocaleCode) { trainingSessions(locale: $l, pagination: { limit: 200 }) { documentId title slug startsAt endsAt } }`;
    for (const locale of ['en', 'fr']) {
      const sessions = (await graphql(SESSIONS, { l: locale })).data.trainingSessions;
      expect(sessions.length).toBeGreaterThan(0);
      const response = await get(`${locale}/trainings.ics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      expect(String(calendar.getFirstPropertyValue('x-wr-caldesc'))).toMatch(/Creative Commons Attribution 4\.0/);
      const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.length).toBe(sessions.length);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      for (const s of sessions) {
        const event = byUid.get(`${s.documentId}-${locale}@social-tech-academy`);
        expect(event, s.title).toBeDefined();
        expect(event!.summary).toBe(s.title);
        expect(event!.startDate.toJSDate().toISOString()).toBe(new Date(s.startsAt).toISOString());
        expect(event!.endDate.toJSDate().toISOString()).toBe(new Date(s.endsAt).toISOString());
      }
    }
  });

  it('publishes modules, job sheets and competences with their relations by documentId', async () => {
    const MODULES = `query { modules(locale: "it", pagination: { limit: 100 }) { documentId title theme { documentId } competences { documentId } jobSheets { documentId } authors { documentId } } }`;
    const modules = (await graphql(MODULES)).data.modules;
    const file = JSON.parse(await text('it/modules.json'));
    expect(file.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(file.modules.length).toBe(modules.length);
    const sorted = (items: { documentId: string }[]) => items.map((i) => i.documentId).sort();
    for (const m of modules) {
      const entry = file.modules.find((x: any) => x.id === m.documentId);
      expect(entry.title).toBe(m.title);
      expect(entry.theme).toBe(m.theme?.documentId ?? null);
      expect([...entry.competences].sort()).toEqual(sorted(m.competences));
      expect([...entry.jobSheets].sort()).toEqual(sorted(m.jobSheets));
      expect([...entry.authors].sort()).toEqual(sorted(m.authors));
    }
    const jobs = JSON.parse(await text('it/job-sheets.json'));
    expect(jobs.jobSheets.length).toBeGreaterThan(0);
    const competences = JSON.parse(await text('it/competences.json'));
    expect(competences.competences.length).toBe(21);
    // Relations agree both ways: a job sheet's modules list it back.
    for (const job of jobs.jobSheets)
      for (const id of job.competences)
        expect(competences.competences.find((c: any) => c.id === id).jobSheets, job.title).toContain(job.id);
  });

  it('lists every file in a DCAT-AP catalogue, with its licence, and refuses unknown files', async () => {
    const catalog = JSON.parse(await text('catalog.jsonld'));
    expect(catalog['@type']).toBe('dcat:Catalog');
    const datasets = catalog['dcat:dataset'];
    expect(datasets.length).toBe(5 * 4);
    const { url } = await getApp();
    for (const dataset of datasets) {
      expect(dataset['dct:license']['@id']).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by(-sa)?\/4\.0\/$/);
      for (const distribution of dataset['dcat:distribution']) {
        const path = distribution['dcat:downloadURL']['@id'].replace('http://localhost:3000/open-data/', '');
        const response = await fetch(`${url}/api/open-data/${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type')).toContain(
          distribution['dcat:mediaType']['@id'].split('/').slice(-2).join('/'),
        );
      }
    }
    expect((await get('en/users.json')).status).toBe(404);
    expect((await get('de/atlas.csv')).status).toBe(404);
  });
});

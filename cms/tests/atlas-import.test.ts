import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import writeXlsxFile from 'write-excel-file/node';
import { getApp } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';
import { atlas, atlasCsv } from '../src/open-data/exports';

/**
 * The Atlas import (src/editors/atlas-import.ts) through the admin API the import page calls
 * (POST /editors/atlas-import, multipart): dry run, drafts, idempotence, the export's round trip,
 * bad rows, permissions, CSV and XLSX.
 */
const ORGANISATION = 'api::organisation.organisation';
const HEADER =
  'id,name,slug,kind,roles,services,country,city,latitude,longitude,website,is_consortium_partner,founded_year,description,url';
let publisher: AdminClient;
const n = Date.now().toString(36);

async function upload(
  admin: AdminClient,
  file: Buffer | string,
  params: Record<string, string>,
  filename = 'atlas.csv',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(params)) form.set(key, value);
  form.set('file', new Blob([typeof file === 'string' ? Buffer.from(file) : new Uint8Array(file)]), filename);
  const response = await fetch(`${admin.url}/editors/atlas-import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function draftsNamed(name: string) {
  const { strapi } = await getApp();
  return (await strapi.db.query(ORGANISATION as any).findMany({ where: { name } })) as any[];
}

/** A row of the export's columns, from values by column name. */
function line(values: Record<string, string>) {
  return HEADER.split(',')
    .map((c) => `"${(values[c] ?? '').replace(/"/g, '""')}"`)
    .join(',');
}

let existing: any;
const created = new Set<string>();

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher, 'fr');
  const { strapi } = await getApp();
  existing = await strapi
    .documents(ORGANISATION as any)
    .findFirst({ locale: 'en', status: 'draft', filters: { slug: 'epicenter-works' } } as any);
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created)
    await strapi.documents(ORGANISATION as any).delete({ documentId, locale: '*' } as any);
  // The update test changed a shared field: back as seeded.
  await strapi
    .documents(ORGANISATION as any)
    .update({ documentId: existing.documentId, locale: 'en', data: { city: existing.city } } as any);
});

describe('the export, imported back', () => {
  it('is all unchanged, in every language', async () => {
    const { strapi } = await getApp();
    for (const locale of ['en', 'fr']) {
      const csv = atlasCsv(await atlas(strapi, locale as any));
      const result = await upload(publisher, csv, { locale, language: 'en' });
      expect(result.status).toBe(200);
      expect(
        result.body.counts.error,
        JSON.stringify(result.body.rows.filter((r: any) => r.state !== 'unchanged')),
      ).toBe(0);
      expect(result.body.counts.unchanged).toBe(parseCsv(csv, { columns: true }).length);
      expect(result.body.counts.unchanged).toBeGreaterThan(20);
      expect(result.body.applied).toBe(false);
    }
  });
});

/** The export's line of the seeded organisation, with another city (a shared field). */
async function movedLine() {
  const { strapi } = await getApp();
  const exported = (await atlas(strapi, 'fr')).find((o) => o.slug === existing.slug)!;
  return atlasCsv([{ ...exported, city: 'Graz' }]).split('\r\n')[1];
}

async function mixedFile() {
  const moved = await movedLine();
  return (
    [
      HEADER,
      // row 2: a new organisation (no slug: made from its name)
      line({
        name: `Coop numérique ${n}`,
        kind: 'cooperative',
        roles: 'training;network',
        country: 'FR',
        city: 'Lyon',
        latitude: '45.764',
        longitude: '4.8357',
        website: `https://coop-${n}.example.org`,
        is_consortium_partner: 'false',
        founded_year: '2015',
        description: `Une coopérative qui forme au numérique ${n}.`,
      }),
      // row 3: an existing organisation, a shared field changed (keyed on its slug)
      moved,
      // rows 4–8: errors
      line({ name: '', kind: 'association', country: 'FR' }),
      line({ name: `Bad country ${n}`, kind: 'association', country: 'XX' }),
      line({ name: `Bad website ${n}`, kind: 'association', country: 'IT', website: 'not a website' }),
      line({ name: 'x'.repeat(201), kind: 'association', country: 'ES' }),
      line({ name: `Unknown kind ${n}`, kind: 'club', country: 'BE' }),
    ].join('\r\n') + '\r\n'
  );
}

describe('a dry run', () => {
  it('says per row create / update / unchanged / error, why, in the admin’s language, and writes nothing', async () => {
    const { strapi } = await getApp();
    const before = await strapi.db.query(ORGANISATION as any).count();
    // row 9: another organisation as the export writes it
    const other = (await atlas(strapi, 'fr')).find((o) => o.slug !== existing.slug)!;
    const file = (await mixedFile()) + atlasCsv([other]).split('\r\n')[1] + '\r\n';
    const result = await upload(publisher, file, { locale: 'fr', language: 'fr' });
    expect(result.status).toBe(200);
    const rows = result.body.rows;
    expect(rows.map((r: any) => [r.row, r.state])).toEqual([
      [2, 'create'],
      [3, 'update'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'unchanged'],
    ]);
    expect(rows[0].slug).toBe(`coop-numerique-${n}`);
    expect(rows[1].changes).toEqual(['city']);
    expect(rows[1].documentId).toBe(existing.documentId);
    expect(rows[2].messages).toEqual(['name : obligatoire.']);
    expect(rows[3].messages[0]).toMatch(/country : « XX » n’est pas un code de pays/);
    expect(rows[4].messages[0]).toMatch(/website : « not a website » n’est pas une adresse web/);
    expect(rows[5].messages[0]).toBe('name : au plus 200 caractères (201 donnés).');
    expect(rows[6].messages[0]).toMatch(/kind : « club » n’est pas parmi association, cooperative/);
    expect(result.body.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 5 });
    // The report to download: one line per row.
    const report = parseCsv(result.body.csv, { columns: true });
    expect(report.map((r: any) => r.state)).toEqual(rows.map((r: any) => r.state));
    expect(await strapi.db.query(ORGANISATION as any).count()).toBe(before);

    // The same in Italian.
    const italian = await upload(publisher, file, { locale: 'fr', language: 'it' });
    expect(italian.body.rows[2].messages).toEqual(['name: obbligatorio.']);
  });

  it('refuses a file that is not the export’s columns, or not a spreadsheet, in the admin’s language', async () => {
    const unknown = await upload(publisher, 'name,kind,country,colour\r\nA,association,FR,red\r\n', {
      locale: 'en',
      language: 'es',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^Columna desconocida «colour»/);
    const missing = await upload(publisher, 'name,kind\r\nA,association\r\n', { locale: 'en', language: 'en' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('The column “country” is missing (needed for every organisation).');
    const binary = await upload(publisher, Buffer.from([0, 1, 2, 3, 0, 0, 255]), { locale: 'en', language: 'en' });
    expect(binary.status).toBe(400);
    expect(binary.body.error.message).toMatch(/could not be read/);
  });
});

describe('the import', () => {
  it('creates drafts, updates shared fields in every language, never writes a bad row; again: all unchanged', async () => {
    const { strapi } = await getApp();
    const result = await upload(publisher, await mixedFile(), { locale: 'fr', language: 'en', apply: 'true' });
    expect(result.status).toBe(200);
    expect(result.body.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 5 });
    const documentId = result.body.rows[0].documentId;
    expect(documentId).toBeTruthy();
    created.add(documentId);

    // A draft, in French, with its French description, and nothing published.
    const rows = await draftsNamed(`Coop numérique ${n}`);
    expect(rows.map((r) => [r.locale, r.publishedAt])).toEqual([['fr', null]]);
    expect(rows[0]).toMatchObject({
      slug: `coop-numerique-${n}`,
      kind: 'cooperative',
      roles: ['training', 'network'],
      country: 'FR',
      foundedYear: 2015,
      isConsortiumPartner: false,
      description: `Une coopérative qui forme au numérique ${n}.`,
    });
    // The shared field reached every language's draft; the published versions wait for a publish.
    const versions = (await strapi.db
      .query(ORGANISATION as any)
      .findMany({ where: { documentId: existing.documentId } })) as any[];
    expect(versions.filter((v) => !v.publishedAt).map((v) => v.city)).toEqual(['Graz', 'Graz', 'Graz', 'Graz']);
    expect(versions.filter((v) => v.publishedAt).every((v) => v.city === existing.city)).toBe(true);
    // The bad rows: nothing.
    for (const name of [`Bad country ${n}`, `Bad website ${n}`, `Unknown kind ${n}`, 'x'.repeat(201)])
      expect(await draftsNamed(name)).toEqual([]);

    // Again: nothing to do.
    const again = await upload(publisher, await mixedFile(), { locale: 'fr', language: 'en', apply: 'true' });
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 5 });
    expect(await draftsNamed(`Coop numérique ${n}`)).toHaveLength(1);
  });

  it('adds another language to an organisation found by its website, and publishes when asked', async () => {
    const { strapi } = await getApp();
    const file = [
      HEADER,
      line({
        name: `Coop numérique ${n}`,
        kind: 'cooperative',
        roles: 'training;network',
        country: 'FR',
        city: 'Lyon',
        latitude: '45.764',
        longitude: '4.8357',
        website: `https://coop-${n}.example.org/`,
        is_consortium_partner: 'false',
        founded_year: '2015',
        description: `A cooperative teaching digital skills ${n}.`,
      }),
    ].join('\r\n');
    const dry = await upload(publisher, file, { locale: 'en', language: 'en' });
    expect(dry.body.rows[0]).toMatchObject({ state: 'update', messages: ['Adds the EN version.'] });
    const result = await upload(publisher, file, { locale: 'en', language: 'en', apply: 'true', publish: 'true' });
    expect(result.body.counts.update).toBe(1);
    const rows = await draftsNamed(`Coop numérique ${n}`);
    expect(new Set(rows.map((r) => r.documentId)).size).toBe(1);
    expect(
      rows
        .filter((r) => r.locale === 'en')
        .map((r) => Boolean(r.publishedAt))
        .sort(),
    ).toEqual([false, true]);
    expect(rows.filter((r) => r.locale === 'fr').map((r) => r.publishedAt)).toEqual([null]);
    // Published through the Document Service: the change log has it.
    const changes = await strapi.db
      .connection('content_changes')
      .where({ document_id: rows[0].documentId, locale: 'en', action: 'published' });
    expect(changes).toHaveLength(1);
  });

  it('cancels a whole batch when a write fails anyway, and says so on each of its rows', async () => {
    const { strapi } = await getApp();
    // A failure no check can foresee (a database error, a concurrent edit): here on one name.
    strapi.documents.use((async (context: any, next: () => Promise<unknown>) => {
      if (context.uid === ORGANISATION && context.params?.data?.name === `Fails ${n}`)
        throw new Error('simulated failure');
      return next();
    }) as any);
    const file = [
      HEADER,
      line({ name: `Before the failure ${n}`, kind: 'association', country: 'PT', slug: `before-${n}` }),
      line({ name: `Fails ${n}`, kind: 'association', country: 'PT', slug: `fails-${n}` }),
    ].join('\r\n');
    const dry = await upload(publisher, file, { locale: 'en', language: 'fr' });
    expect(dry.body.counts.create).toBe(2);
    const result = await upload(publisher, file, { locale: 'en', language: 'fr', apply: 'true' });
    expect(result.status).toBe(200);
    expect(result.body.counts).toEqual({ create: 0, update: 0, unchanged: 0, error: 2 });
    for (const row of result.body.rows)
      expect(row.messages[0]).toMatch(/^Non écrite : son lot de 2 lignes a été annulé, la ligne 3 a échoué/);
    expect(await draftsNamed(`Before the failure ${n}`)).toEqual([]);
  });

  it('reads an XLSX file as the CSV', async () => {
    const header = HEADER.split(',');
    const data = [
      header.map((value) => ({ value })),
      header.map((c) => ({
        value:
          {
            name: `Tableur ${n}`,
            kind: 'association',
            country: 'IT',
            latitude: 45.4642,
            longitude: 9.19,
            founded_year: 2001,
            is_consortium_partner: true,
            roles: 'tools-provider',
          }[c] ?? null,
      })),
      header.map((c) => ({ value: { name: `Cattivo ${n}`, kind: 'association', country: 'QQ' }[c] ?? null })),
    ];
    const xlsx = (await writeXlsxFile(data as any).toBuffer()) as Buffer;
    const dry = await upload(publisher, xlsx, { locale: 'it', language: 'it' }, 'atlas.xlsx');
    expect(dry.status).toBe(200);
    expect(dry.body.rows.map((r: any) => r.state)).toEqual(['create', 'error']);
    expect(dry.body.rows[1].messages[0]).toMatch(/country: «QQ» non è un codice di paese/);
    const result = await upload(publisher, xlsx, { locale: 'it', language: 'it', apply: 'true' }, 'atlas.xlsx');
    created.add(result.body.rows[0].documentId);
    const [row] = await draftsNamed(`Tableur ${n}`);
    expect(row).toMatchObject({ locale: 'it', country: 'IT', foundedYear: 2001, isConsortiumPartner: true });
    expect(Number(row.latitude)).toBeCloseTo(45.4642, 2);
    const again = await upload(publisher, xlsx, { locale: 'it', language: 'it' }, 'atlas.xlsx');
    expect(again.body.rows.map((r: any) => r.state)).toEqual(['unchanged', 'error']);
  });
});

describe('who may import', () => {
  it('a translator in their own language only; never a role that may not create organisations', async () => {
    const italian = await adminAs(ROLE_CODES.translator('it'), 'it');
    const file = await mixedFile();
    const french = await upload(italian, file, { locale: 'fr', language: 'it' });
    expect(french.status).toBe(403);
    expect(french.body.error.message).toBe(
      'Non potete creare organizzazioni in «FR»: l’importazione richiede questo permesso.',
    );
    const own = await upload(italian, file, { locale: 'it', language: 'it' });
    expect(own.status).toBe(200);

    const registrations = await adminAs(ROLE_CODES.registrations, 'en');
    const refused = await upload(registrations, file, { locale: 'en', language: 'en', apply: 'true' });
    expect(refused.status).toBe(403);
    expect(await draftsNamed(`Coop numérique ${n}`)).toHaveLength(3); // fr draft; en draft and published
    const anonymous = await fetch(`${publisher.url}/editors/atlas-import`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
  });
});

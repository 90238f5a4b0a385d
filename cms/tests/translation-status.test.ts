import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';

/**
 * The translation status page's data (GET /editors/translation-status, the admin route the page
 * calls): every entry × locale, missing / draft / published / modified / outdated.
 */
const MODULE = 'api::module.module';
const created: string[] = [];
let publisher: AdminClient;
let italian: AdminClient;

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher);
  italian = await adminAs(ROLE_CODES.translator('it'));
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created.splice(0))
    await strapi.documents(MODULE as any).delete({ documentId, locale: '*' } as any);
});

/** Two saves never share a millisecond: updatedAt orders them. */
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));

async function status(admin: AdminClient, query = '') {
  const response = await admin.request('GET', `/editors/translation-status${query}`);
  expect(response.status).toBe(200);
  return response.body as { locales: string[]; counts: Record<string, Record<string, number>>; rows: any[] };
}

async function cells(documentId: string, admin = publisher) {
  const row = (await status(admin, `?type=${MODULE}`)).rows.find((r) => r.documentId === documentId);
  expect(row, 'the entry is listed').toBeTruthy();
  return Object.fromEntries(Object.entries(row.cells).map(([locale, cell]: [string, any]) => [locale, cell.state]));
}

describe('the translation status', () => {
  it('starts with the demo content up to date: nothing outdated', async () => {
    const body = await status(publisher);
    expect(body.locales.sort()).toEqual(['en', 'es', 'fr', 'it']);
    expect(body.counts[MODULE].published).toBeGreaterThan(0);
    const seeded = body.rows.filter((r) => r.type === MODULE && !created.includes(r.documentId));
    expect(seeded.length).toBeGreaterThan(0);
    for (const row of seeded) expect(Object.values(row.cells).map((c: any) => c.state)).not.toContain('outdated');
  });

  it('tells missing, draft, published, modified and outdated apart', async () => {
    const n = Date.now().toString(36);
    // Written in English, translated into French (published) and Italian (published, then changed).
    const en = await publisher.cm('POST', MODULE, '?locale=en', { title: `Status ${n}`, level: 'discovery' });
    expect(en.status).toBe(201);
    const documentId = en.body.data.documentId;
    created.push(documentId);
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=fr`, { title: `Statut ${n}` })).status).toBe(200);
    expect((await publisher.cm('POST', MODULE, `/${documentId}/actions/publish?locale=fr`, {})).status).toBe(200);
    expect((await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, { title: `Stato ${n}` })).status).toBe(200);
    expect((await italian.cm('POST', MODULE, `/${documentId}/actions/publish?locale=it`, {})).status).toBe(200);
    await nextMillisecond();
    expect((await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, { summary: 'Una sintesi' })).status).toBe(200);

    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'published', it: 'modified', es: 'missing' });

    // The English source changes: both translations are now older than their source.
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=en`, { summary: 'A new paragraph' })).status).toBe(
      200,
    );
    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'outdated', it: 'outdated', es: 'missing' });
    const row = (await status(publisher, `?type=${MODULE}`)).rows.find((r) => r.documentId === documentId);
    expect(row.cells.fr.source).toBe('en');
    expect(row.sourceLocale).toBe('en');
    expect(row.title).toBe(`Status ${n}`);

    // The Italian translator brings the Italian up to date: no longer outdated, waiting for publication.
    await nextMillisecond();
    expect(
      (await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, { summary: 'Un nuovo paragrafo' })).status,
    ).toBe(200);
    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'outdated', it: 'modified', es: 'missing' });
  });

  it('leaves translations up to date when only a shared field of the source changes', async () => {
    const n = Date.now().toString(36);
    const en = await publisher.cm('POST', MODULE, '?locale=en', { title: `Shared ${n}`, level: 'discovery' });
    const documentId = en.body.data.documentId;
    created.push(documentId);
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=fr`, { title: `Partagé ${n}` })).status).toBe(200);
    expect((await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, { title: `Condiviso ${n}` })).status).toBe(200);
    // The Italian falls behind a real change of the English text...
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=en`, { summary: 'New text' })).status).toBe(200);
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=fr`, { summary: 'Nouveau texte' })).status).toBe(
      200,
    );
    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'draft', it: 'outdated', es: 'missing' });
    // ...then the English changes its duration only (the same in every language): nothing more to translate.
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=en`, { durationHours: 12 })).status).toBe(200);
    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'draft', it: 'outdated', es: 'missing' });
    // A change of its text does make the French outdated again.
    await nextMillisecond();
    expect((await publisher.cm('PUT', MODULE, `/${documentId}?locale=en`, { title: `Shared ${n} v2` })).status).toBe(
      200,
    );
    expect(await cells(documentId)).toEqual({ en: 'draft', fr: 'outdated', it: 'outdated', es: 'missing' });
  });

  it('filters by type, locale and state', async () => {
    const n = Date.now().toString(36);
    const en = await publisher.cm('POST', MODULE, '?locale=en', { title: `Filter ${n}`, level: 'discovery' });
    const documentId = en.body.data.documentId;
    created.push(documentId);
    await nextMillisecond();
    await publisher.cm('PUT', MODULE, `/${documentId}?locale=es`, { title: `Filtro ${n}` });
    await nextMillisecond();
    await publisher.cm('PUT', MODULE, `/${documentId}?locale=en`, { summary: 'Changed' });

    const ids = async (query: string) => (await status(publisher, query)).rows.map((r) => r.documentId);
    expect(await ids('?state=outdated&locale=es')).toContain(documentId);
    expect(await ids('?state=outdated&locale=fr')).not.toContain(documentId);
    expect(await ids('?state=missing&locale=fr')).toContain(documentId);
    const themes = (await status(publisher, '?type=api::theme.theme')).rows;
    expect(themes.length).toBeGreaterThan(0);
    expect(themes.every((r) => r.type === 'api::theme.theme')).toBe(true);
  });

  it('shows each role only the types it may read', async () => {
    const registrations = await adminAs(ROLE_CODES.registrations);
    const types = new Set((await status(registrations)).rows.map((r) => r.type));
    expect([...types]).toEqual(['api::training-session.training-session']);
    const anonymous = await fetch(`${(await getApp()).url}/editors/translation-status`);
    expect(anonymous.status).toBe(401);
  });
});

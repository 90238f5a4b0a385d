import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, LOCALES } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { createSession, register, removeTestSessions } from './registration-helpers';
// The CSV export of the training-session panel (src/api/registration/admin/routes.ts).
const EXPORT_PREFIX = '/registration-export';
import { ensureEditorialRoles, ROLE_CODES } from '../src/security/roles';

/**
 * The editorial roles seeded at every start, each tried through the admin API with a real login,
 * as the admin panel calls it: what each role may and may not do.
 */
const MODULE = 'api::module.module';
const REGISTRATION = 'api::registration.registration';
const SESSION = 'api::training-session.training-session';
const created: string[] = [];

/** A throwaway module in the four locales (drafts), so that edits leave the demo content alone. */
async function throwawayModule() {
  const { strapi } = await getApp();
  const n = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const documents = strapi.documents(MODULE as any);
  const doc: any = await documents.create({
    locale: 'en',
    data: { title: `Roles module ${n}`, slug: `roles-module-${n}`, level: 'discovery' },
  } as any);
  for (const locale of LOCALES.filter((l) => l !== 'en'))
    await documents.update({
      documentId: doc.documentId,
      locale,
      data: { title: `Roles module ${locale} ${n}`, slug: `roles-module-${locale}-${n}` },
    } as any);
  created.push(doc.documentId);
  return doc.documentId as string;
}

async function title(documentId: string, locale: string) {
  const { strapi } = await getApp();
  const doc: any = await strapi.documents(MODULE as any).findOne({ documentId, locale } as any);
  return doc?.title as string | undefined;
}

let italian: AdminClient;
let publisher: AdminClient;
let registrations: AdminClient;
let session: Awaited<ReturnType<typeof createSession>>;

beforeAll(async () => {
  italian = await adminAs(ROLE_CODES.translator('it'));
  publisher = await adminAs(ROLE_CODES.publisher);
  registrations = await adminAs(ROLE_CODES.registrations);
  session = await createSession();
  await register(session.documentId);
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created.splice(0))
    await strapi.documents(MODULE as any).delete({ documentId, locale: '*' } as any);
  await removeTestSessions();
});

describe('the seeded roles', () => {
  it('exist once each, and the stock Editor and Author are gone', async () => {
    const { strapi } = await getApp();
    const roles: any[] = await strapi.service('admin::role').find({});
    const codes = roles.map((r) => r.code);
    for (const code of [
      ...LOCALES.map((l) => ROLE_CODES.translator(l)),
      ROLE_CODES.publisher,
      ROLE_CODES.registrations,
    ])
      expect(codes.filter((c) => c === code)).toHaveLength(1);
    expect(codes).not.toContain('strapi-editor');
    expect(codes).not.toContain('strapi-author');
    expect(roles.find((r) => r.code === ROLE_CODES.translator('it')).name).toBe('Translator (Italian)');
  });

  it('are set back to their permissions on every start, without duplicates', async () => {
    const { strapi } = await getApp();
    const permissions = () => strapi.db.query('admin::permission').count({});
    const role = await strapi.service('admin::role').findOne({ code: ROLE_CODES.translator('it') });
    const before = await permissions();
    // Someone grants the Italian translator registrations by hand in Settings › Roles...
    await strapi
      .service('admin::role')
      .addPermissions(role.id, [
        { action: 'plugin::content-manager.explorer.read', subject: REGISTRATION, properties: {}, conditions: [] },
      ]);
    expect(await permissions()).toBe(before + 1);
    // ...the next start takes it back; a second start changes nothing.
    await ensureEditorialRoles(strapi);
    expect(await permissions()).toBe(before);
    await ensureEditorialRoles(strapi);
    expect(await permissions()).toBe(before);
    const roles: any[] = await strapi.service('admin::role').find({});
    expect(roles.filter((r) => r.code === ROLE_CODES.publisher)).toHaveLength(1);
  });
});

describe('an Italian translator', () => {
  it('edits and publishes the Italian version', async () => {
    const documentId = await throwawayModule();
    const saved = await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, { title: 'Modulo tradotto' });
    expect(saved.status).toBe(200);
    expect(await title(documentId, 'it')).toBe('Modulo tradotto');
    const published = await italian.cm('POST', MODULE, `/${documentId}/actions/publish?locale=it`, {});
    expect(published.status).toBe(200);
    expect(published.body.data.publishedAt).toBeTruthy();
  });

  it('reads the other languages (the source) but cannot edit or publish them', async () => {
    const documentId = await throwawayModule();
    const before = await title(documentId, 'fr');
    expect((await italian.cm('GET', MODULE, `/${documentId}?locale=fr`)).status).toBe(200);
    for (const locale of ['fr', 'en', 'es']) {
      expect((await italian.cm('PUT', MODULE, `/${documentId}?locale=${locale}`, { title: 'Pirate' })).status).toBe(
        403,
      );
      expect((await italian.cm('POST', MODULE, `/${documentId}/actions/publish?locale=${locale}`, {})).status).toBe(
        403,
      );
    }
    expect(await title(documentId, 'fr')).toBe(before);
  });

  it('creates entries and new versions in Italian only', async () => {
    const { strapi } = await getApp();
    const n = Date.now().toString(36);
    const french = await italian.cm('POST', MODULE, `?locale=fr`, {
      title: 'Nouveau',
      slug: `nouveau-pirate-${n}`,
      level: 'discovery',
    });
    expect(french.status).toBe(403);
    expect(await strapi.db.query(MODULE as any).count({ where: { slug: `nouveau-pirate-${n}` } })).toBe(0);
    const own = await italian.cm('POST', MODULE, `?locale=it`, {
      title: 'Nuovo modulo',
      slug: `nuovo-modulo-${n}`,
      level: 'discovery',
    });
    expect(own.status).toBe(201);
    created.push(own.body.data.documentId);

    // A new language of an existing entry: the Italian one, yes; a French one, no.
    const documentId = own.body.data.documentId;
    const newFrench = await italian.cm('PUT', MODULE, `/${documentId}?locale=fr`, {
      title: 'Traduction pirate',
      slug: `traduction-pirate-${n}`,
    });
    expect(newFrench.status).toBe(403);
    const publishFrench = await italian.cm('POST', MODULE, `/${documentId}/actions/publish?locale=fr`, {
      title: 'Traduction pirate',
      slug: `traduction-pirate-${n}`,
    });
    expect(publishFrench.status).toBe(403);
    expect(await title(documentId, 'fr')).toBeUndefined();
  });

  it('cannot delete, not even the Italian version', async () => {
    const documentId = await throwawayModule();
    expect((await italian.cm('DELETE', MODULE, `/${documentId}?locale=it`)).status).toBe(403);
    expect(await title(documentId, 'it')).toBeTruthy();
  });

  it('cannot read registrations nor their CSV', async () => {
    const list = await italian.cm('GET', REGISTRATION, '');
    expect(list.status).toBe(403);
    expect(list.text).not.toContain('@example');
    const csv = await italian.request('GET', `${EXPORT_PREFIX}/sessions/${session.documentId}/registrations.csv`);
    expect(csv.status).toBe(403);
  });
});

describe('the publisher', () => {
  it('edits, publishes and deletes in every language', async () => {
    const documentId = await throwawayModule();
    for (const locale of LOCALES) {
      expect(
        (await publisher.cm('PUT', MODULE, `/${documentId}?locale=${locale}`, { title: `P ${locale}` })).status,
      ).toBe(200);
      expect((await publisher.cm('POST', MODULE, `/${documentId}/actions/publish?locale=${locale}`, {})).status).toBe(
        200,
      );
    }
    expect((await publisher.cm('DELETE', MODULE, `/${documentId}?locale=es`)).status).toBe(200);
    expect(await title(documentId, 'es')).toBeUndefined();
    expect(await title(documentId, 'fr')).toBe('P fr');
  });

  it('cannot read registrations nor their CSV', async () => {
    expect((await publisher.cm('GET', REGISTRATION, '')).status).toBe(403);
    const csv = await publisher.request('GET', `${EXPORT_PREFIX}/sessions/${session.documentId}/registrations.csv`);
    expect(csv.status).toBe(403);
  });
});

describe('the registrations manager', () => {
  it('reads registrations and downloads their CSV', async () => {
    const list = await registrations.cm('GET', REGISTRATION, '');
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    const csv = await registrations.request('GET', `${EXPORT_PREFIX}/sessions/${session.documentId}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('@');
  });

  it('reads training sessions but edits no content', async () => {
    expect((await registrations.cm('GET', SESSION, `/${session.documentId}?locale=en`)).status).toBe(200);
    const documentId = await throwawayModule();
    expect((await registrations.cm('PUT', MODULE, `/${documentId}?locale=en`, { title: 'No' })).status).toBe(403);
    expect((await registrations.cm('PUT', SESSION, `/${session.documentId}?locale=en`, { capacity: 1 })).status).toBe(
      403,
    );
  });
});

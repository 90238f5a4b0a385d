import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';

/**
 * The admin as an editor meets it, through the admin API the panel calls: readable labels and
 * main fields, no API users among the content, slugs made from each locale's title.
 */
const MODULE = 'api::module.module';
const created: string[] = [];
let publisher: AdminClient;
let italian: AdminClient;

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher, 'fr');
  italian = await adminAs(ROLE_CODES.translator('it'), 'it');
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created.splice(0))
    await strapi.documents(MODULE as any).delete({ documentId, locale: '*' } as any);
});

async function slugOf(documentId: string, locale: string) {
  const { strapi } = await getApp();
  const row: any = await strapi.db.query(MODULE as any).findOne({ where: { documentId, locale }, select: ['slug'] });
  return row?.slug as string | undefined;
}

describe('the content manager', () => {
  it('lists no API user type, for the editors as for the super admin', async () => {
    for (const admin of [publisher, await adminAs('strapi-super-admin')]) {
      const init = await admin.request('GET', '/content-manager/init');
      expect(init.status).toBe(200);
      const types: any[] = init.body.data.contentTypes;
      expect(types.find((t) => t.uid === MODULE).isDisplayed).toBe(true);
      expect(types.find((t) => t.uid === 'plugin::users-permissions.user').isDisplayed).toBe(false);
    }
  });

  it('shows labels, descriptions and placeholders instead of camelCase names', async () => {
    const config = await publisher.request('GET', `/content-manager/content-types/${MODULE}/configuration`);
    expect(config.status).toBe(200);
    const { metadatas, settings } = config.body.data.contentType;
    expect(metadatas.durationHours.edit.label).toBe('Duration (hours)');
    expect(metadatas.durationHours.edit.description).toBe('The same in every language.');
    expect(metadatas.practicalCase.edit.label).toBe('Practical case');
    expect(metadatas.slug.edit.description).toMatch(/made from the title in this language/);
    expect(settings.mainField).toBe('title');
    // Collapsed repeatable rows read: a mission shows its text, a tool its name.
    const components = config.body.data.components;
    expect(components['module.tool'].settings.mainField).toBe('name');
    const organisation = await publisher.request(
      'GET',
      '/content-manager/content-types/api::organisation.organisation/configuration',
    );
    expect(organisation.body.data.contentType.metadatas.isConsortiumPartner.edit.label).toBe('Consortium partner');
    expect(organisation.body.data.contentType.metadatas.website.edit.placeholder).toBe('https://…');
    expect(organisation.body.data.contentType.layouts.list).toEqual(['name', 'kind', 'country', 'city', 'updatedAt']);
  });

  it('finds a competence by its name in the relation picker', async () => {
    // A new module's picker (no entry yet), as the editor types "Protecting".
    const found = await publisher.request(
      'GET',
      `/content-manager/relations/${MODULE}/competences?locale=en&_q=Protecting&page=1&pageSize=10`,
    );
    expect(found.status).toBe(200);
    expect(found.body.results.map((r: any) => r.label)).toContain('4.2 Protecting personal data and privacy');
    // By its code too; and a renamed competence reads its new name.
    const byCode = await publisher.request(
      'GET',
      `/content-manager/relations/${MODULE}/competences?locale=fr&_q=4.2&page=1&pageSize=10`,
    );
    expect(byCode.body.results.map((r: any) => r.label)).toContain(
      '4.2 Protéger les données personnelles et la vie privée',
    );
  });
});

describe('a competence', () => {
  it('reads its code and name, in each language, after a rename too, and never in the public API', async () => {
    const { strapi } = await getApp();
    const competence: any = await strapi
      .documents('api::competence.competence' as any)
      .findFirst({ locale: 'it', filters: { code: '4.2' } } as any);
    const rename = await publisher.cm('PUT', 'api::competence.competence', `/${competence.documentId}?locale=it`, {
      name: 'Proteggere i dati personali',
    });
    expect(rename.status).toBe(200);
    const row: any = await strapi.db
      .query('api::competence.competence' as any)
      .findOne({ where: { documentId: competence.documentId, locale: 'it', publishedAt: null } });
    expect(row.label).toBe('4.2 Proteggere i dati personali');
    const { url } = await getApp();
    const answer: any = await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ competences(locale: "en") { label } }' }),
      })
    ).json();
    expect(answer.errors?.[0]?.message).toMatch(/Cannot query field "label"/);
    await publisher.cm('PUT', 'api::competence.competence', `/${competence.documentId}?locale=it`, {
      name: competence.name,
    });
  });
});

describe('slugs', () => {
  it("are made from each locale's title when left at the default, never copied from another locale", async () => {
    const n = Date.now().toString(36);
    // What the content manager sends for a new entry when no one clicked "Regenerate".
    const created1 = await publisher.cm('POST', MODULE, '?locale=en', {
      title: `Writing for the web ${n}`,
      slug: 'module',
      level: 'discovery',
    });
    expect(created1.status).toBe(201);
    const documentId = created1.body.data.documentId;
    created.push(documentId);
    expect(await slugOf(documentId, 'en')).toBe(`writing-for-the-web-${n}`);

    // "Fill in from another locale": the English slug comes along with the Italian title.
    const italianVersion = await italian.cm('PUT', MODULE, `/${documentId}?locale=it`, {
      title: `Scrivere per il web ${n}`,
      slug: `writing-for-the-web-${n}`,
    });
    expect(italianVersion.status).toBe(200);
    expect(await slugOf(documentId, 'it')).toBe(`scrivere-per-il-web-${n}`);

    // A French version saved with an empty slug.
    const french = await publisher.cm('PUT', MODULE, `/${documentId}?locale=fr`, {
      title: `Écrire pour le web ${n}`,
      slug: '',
    });
    expect(french.status).toBe(200);
    expect(await slugOf(documentId, 'fr')).toBe(`ecrire-pour-le-web-${n}`);

    // A Spanish version saved without any slug.
    expect(
      (await publisher.cm('PUT', MODULE, `/${documentId}?locale=es`, { title: `Escribir para la web ${n}` })).status,
    ).toBe(200);
    expect(await slugOf(documentId, 'es')).toBe(`escribir-para-la-web-${n}`);
  });

  it('are unique per locale, and a slug typed on purpose is kept', async () => {
    const n = Date.now().toString(36);
    const first = await publisher.cm('POST', MODULE, '?locale=en', { title: `Twin ${n}`, level: 'discovery' });
    const second = await publisher.cm('POST', MODULE, '?locale=en', {
      title: `Twin ${n}`,
      slug: 'module-3',
      level: 'discovery',
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    created.push(first.body.data.documentId, second.body.data.documentId);
    expect(await slugOf(first.body.data.documentId, 'en')).toBe(`twin-${n}`);
    expect(await slugOf(second.body.data.documentId, 'en')).toBe(`twin-${n}-1`);

    const chosen = await publisher.cm('POST', MODULE, '?locale=es', {
      title: `Gemelo ${n}`,
      slug: `mi-direccion-${n}`,
      level: 'discovery',
    });
    expect(chosen.status).toBe(201);
    created.push(chosen.body.data.documentId);
    expect(await slugOf(chosen.body.data.documentId, 'es')).toBe(`mi-direccion-${n}`);
  });

  it('keep the same slug in two locales when both titles give it', async () => {
    const n = Date.now().toString(36);
    const en = await publisher.cm('POST', MODULE, '?locale=en', { title: `Netiquette ${n}`, level: 'discovery' });
    created.push(en.body.data.documentId);
    const fr = await publisher.cm('PUT', MODULE, `/${en.body.data.documentId}?locale=fr`, {
      title: `Netiquette ${n}`,
      slug: `netiquette-${n}`,
    });
    expect(fr.status).toBe(200);
    for (const locale of ['en', 'fr']) expect(await slugOf(en.body.data.documentId, locale)).toBe(`netiquette-${n}`);
  });
});

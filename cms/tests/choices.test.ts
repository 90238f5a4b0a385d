import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';
import { COUNTRY_CODES } from '../src/editors/choices';

/**
 * An organisation's roles and country (and an interview's country) are picked from closed lists
 * in the admin and refused by the data layer when not on them (src/editors/choice-rules.ts),
 * with the same stored values and GraphQL shapes as before.
 */
const ORGANISATION = 'api::organisation.organisation';
const INTERVIEW = 'api::interview.interview';
let publisher: AdminClient;
let spanishPublisher: AdminClient;
const created: string[] = [];

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher, 'en');
  spanishPublisher = await adminAs(ROLE_CODES.publisher, 'es');
});
afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created) await strapi.documents(ORGANISATION as any).delete({ documentId, locale: '*' });
});

let counter = 0;
const organisation = (fields: Record<string, unknown>) => ({
  name: `Choices test ${Date.now()} ${++counter}`,
  slug: `choices-test-${Date.now()}-${counter}`,
  kind: 'cooperative',
  country: 'BE',
  ...fields,
});

describe('roles and countries', () => {
  it('are stored and served as before', async () => {
    const saved = await publisher.cm(
      'POST',
      ORGANISATION,
      '?locale=en',
      organisation({ roles: ['training', 'network', 'training'], country: 'PT' }),
    );
    expect(saved.status, saved.text).toBe(201);
    const documentId = saved.body.data.documentId;
    created.push(documentId);
    expect(saved.body.data.roles).toEqual(['training', 'network']);
    const published = await publisher.cm('POST', ORGANISATION, `/${documentId}/actions/publish?locale=en`, {});
    expect(published.status, published.text).toBe(200);
    const { data } = await graphql(
      `
        query ($id: ID!) {
          organisation(documentId: $id, locale: "en") {
            roles
            country
          }
        }
      `,
      { id: documentId },
    );
    expect(data.organisation).toEqual({ roles: ['training', 'network'], country: 'PT' });
    // The 249 ISO 3166-1 codes and Kosovo's XK (as the EU writes it); not "UK" (GB is).
    expect(COUNTRY_CODES).toHaveLength(250);
    for (const code of ['FR', 'BE', 'IT', 'ES', 'GB', 'PT', 'XK']) expect(COUNTRY_CODES).toContain(code);
    expect(COUNTRY_CODES).not.toContain('UK');
  });

  it('refuses an unknown role or country in the editor’s language, and writes nothing', async () => {
    const { strapi } = await getApp();
    const before = await strapi.db.query(ORGANISATION as any).count({});
    const unknownRole = await publisher.cm('POST', ORGANISATION, '?locale=en', organisation({ roles: ['lobbying'] }));
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.error.message).toBe(
      'Unknown role "lobbying". Choose among: Provides digital tools (tools-provider), Supports digital transition (transition-support), Trains (training), Network (network).',
    );
    expect(unknownRole.body.error.details.errors[0].path).toEqual(['roles']);
    const notAList = await spanishPublisher.cm('POST', ORGANISATION, '?locale=en', organisation({ roles: 'network' }));
    expect(notAList.status).toBe(400);
    expect(notAList.body.error.message).toMatch(/^Las funciones deben ser una lista/);
    const unknownCountry = await spanishPublisher.cm(
      'POST',
      ORGANISATION,
      '?locale=en',
      organisation({ country: 'UK' }),
    );
    expect(unknownCountry.status).toBe(400);
    expect(unknownCountry.body.error.message).toMatch(/^País desconocido «UK»/);
    expect(unknownCountry.body.error.details.errors[0].path).toEqual(['country']);
    expect(await strapi.db.query(ORGANISATION as any).count({})).toBe(before);

    // On an existing entry too, and on an interview's country.
    const existing = (await strapi.db
      .query(ORGANISATION as any)
      .findOne({ where: { locale: 'en', publishedAt: null } })) as any;
    const update = await publisher.cm('PUT', ORGANISATION, `/${existing.documentId}?locale=en`, { country: 'XX' });
    expect(update.status).toBe(400);
    expect(((await strapi.db.query(ORGANISATION as any).findOne({ where: { id: existing.id } })) as any).country).toBe(
      existing.country,
    );
    const interview = (await strapi.db
      .query(INTERVIEW as any)
      .findOne({ where: { locale: 'en', publishedAt: null } })) as any;
    const badInterview = await publisher.cm('PUT', INTERVIEW, `/${interview.documentId}?locale=en`, { country: 'fr' });
    expect(badInterview.status).toBe(400);
    expect(badInterview.body.error.details.errors[0].path).toEqual(['country']);
    // The Document Service refuses it as well (imports, scripts).
    await expect(
      strapi.documents(ORGANISATION as any).update({
        documentId: existing.documentId,
        locale: 'en',
        data: { roles: ['network', 42] },
      } as any),
    ).rejects.toThrow(/Unknown role "42"/);
  });

  it('show as a country select and role checkboxes in the admin, over the same types', async () => {
    const response = await publisher.request('GET', `/content-manager/content-types/${ORGANISATION}/configuration`);
    expect(response.status).toBe(200);
    const { strapi } = await getApp();
    const attributes = (strapi.contentType(ORGANISATION as any) as any).attributes;
    expect(attributes.country).toMatchObject({ type: 'string', customField: 'global::country' });
    expect(attributes.roles).toMatchObject({ type: 'json', customField: 'global::organisation-roles' });
    expect((strapi.contentType(INTERVIEW as any) as any).attributes.country.customField).toBe('global::country');
  });
});

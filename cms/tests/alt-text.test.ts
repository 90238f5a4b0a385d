import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';

/**
 * Alternative text per language for every informative image (src/editors/alt-text.ts), through
 * the content manager as editors use it: no version is published with an image neither described
 * in its language nor marked decorative; the error is in the editor's admin language, on the alt
 * text field; each language reads its own text.
 */
const ORGANISATION = 'api::organisation.organisation';
const MODULE = 'api::module.module';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let publisher: AdminClient;
let frenchPublisher: AdminClient;
const created: string[] = [];

async function upload(client: AdminClient, name: string): Promise<number> {
  const form = new FormData();
  form.append('files', new Blob([PNG], { type: 'image/png' }), name);
  const response = await fetch(`${client.url}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}` },
    body: form,
  });
  const body: any = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body[0].id as number;
}

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher, 'en');
  frenchPublisher = await adminAs(ROLE_CODES.publisher, 'fr');
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created) await strapi.documents(ORGANISATION as any).delete({ documentId, locale: '*' });
});

async function newOrganisation(logo: number) {
  const n = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const response = await publisher.cm('POST', ORGANISATION, '?locale=en', {
    name: `Alt text test ${n}`,
    slug: `alt-text-test-${n}`,
    kind: 'association',
    country: 'FR',
    logo,
    description: 'An organisation of the alt text tests.',
  });
  expect(response.status, response.text).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data.documentId as string;
}

const publish = (client: AdminClient, uid: string, documentId: string, locale: string, body: object = {}) =>
  client.cm('POST', uid, `/${documentId}/actions/publish?locale=${locale}`, body);

/** The status of a publication, with the answer as the message when it is not 200. */
async function publishedOk(client: AdminClient, uid: string, documentId: string, locale: string) {
  const response = await publish(client, uid, documentId, locale);
  expect(response.status, response.text).toBe(200);
  return response.status;
}

describe('alternative text', () => {
  it('sits right under its image in the edit view, labelled in the admin’s languages', async () => {
    const response = await publisher.request('GET', `/content-manager/content-types/${ORGANISATION}/configuration`);
    expect(response.status).toBe(200);
    const { layouts, metadatas } = response.body.data.contentType;
    const rows: Array<Array<{ name: string }>> = layouts.edit;
    const logoRow = rows.findIndex((row) => row.some((f) => f.name === 'logo'));
    expect(logoRow).toBeGreaterThan(-1);
    expect(rows[logoRow + 1].map((f) => f.name)).toEqual(['logoAlt', 'logoDecorative']);
    expect(metadatas.logoAlt.edit.label).toBe('Alternative text of the image');
    expect(metadatas.logoDecorative.edit.label).toBe('Decorative image');
  });

  it('is required to publish an informative image, in the editor’s language, next to the field', async () => {
    const documentId = await newOrganisation(await upload(publisher, 'logo-required.png'));
    const refused = await publish(publisher, ORGANISATION, documentId, 'en');
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.message).toMatch(/"Logo" needs its alternative text in English/);
    expect(refused.body.error.details.errors[0].path).toEqual(['logoAlt']);
    // The same refusal for an editor whose admin is in French: in French.
    const inFrench = await publish(frenchPublisher, ORGANISATION, documentId, 'en');
    expect(inFrench.status).toBe(400);
    expect(inFrench.body.error.message).toMatch(/texte alternatif en anglais/);
    // Nothing was published.
    const { strapi } = await getApp();
    expect(
      await strapi.db.query(ORGANISATION as any).count({ where: { documentId, publishedAt: { $notNull: true } } }),
    ).toBe(0);
    // Blank is not a description.
    expect((await publisher.cm('PUT', ORGANISATION, `/${documentId}?locale=en`, { logoAlt: '   ' })).status).toBe(200);
    expect((await publish(publisher, ORGANISATION, documentId, 'en')).status).toBe(400);
    // Described: published.
    expect(
      (await publisher.cm('PUT', ORGANISATION, `/${documentId}?locale=en`, { logoAlt: 'A green leaf' })).status,
    ).toBe(200);
    expect(await publishedOk(publisher, ORGANISATION, documentId, 'en')).toBe(200);
  });

  it('is one per language: each page reads its own, a new language needs its own', async () => {
    const documentId = await newOrganisation(await upload(publisher, 'logo-localized.png'));
    expect(
      (await publisher.cm('PUT', ORGANISATION, `/${documentId}?locale=en`, { logoAlt: 'A green leaf' })).status,
    ).toBe(200);
    expect(await publishedOk(publisher, ORGANISATION, documentId, 'en')).toBe(200);
    // The French version as the admin creates it (its form starts from the shared fields): the
    // shared logo, no French text yet.
    const english = (await publisher.cm('GET', ORGANISATION, `/${documentId}?locale=en`)).body.data;
    const french = await frenchPublisher.cm('PUT', ORGANISATION, `/${documentId}?locale=fr`, {
      name: english.name,
      slug: english.slug,
      kind: english.kind,
      country: english.country,
      logo: english.logo.id,
      description: 'Une organisation des tests.',
    });
    expect(french.status, french.text).toBe(200);
    const refused = await publish(frenchPublisher, ORGANISATION, documentId, 'fr');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/«\s*Logo\s*» doit avoir son texte alternatif en français/);
    expect(
      (await frenchPublisher.cm('PUT', ORGANISATION, `/${documentId}?locale=fr`, { logoAlt: 'Une feuille verte' }))
        .status,
    ).toBe(200);
    expect(await publishedOk(frenchPublisher, ORGANISATION, documentId, 'fr')).toBe(200);

    const read = async (locale: string) =>
      (
        await graphql(
          `
            query ($id: ID!, $locale: I18NLocaleCode) {
              organisation(documentId: $id, locale: $locale) {
                logoAlt
                logoDecorative
                logo {
                  url
                }
              }
            }
          `,
          { id: documentId, locale },
        )
      ).data.organisation;
    expect(await read('en')).toMatchObject({ logoAlt: 'A green leaf', logoDecorative: false });
    expect(await read('fr')).toMatchObject({ logoAlt: 'Une feuille verte', logoDecorative: false });
    expect((await read('fr')).logo.url).toBe((await read('en')).logo.url);
  });

  it('is not needed for an image marked decorative, which the public reads as such', async () => {
    const documentId = await newOrganisation(await upload(publisher, 'logo-decorative.png'));
    expect((await publisher.cm('PUT', ORGANISATION, `/${documentId}?locale=en`, { logoDecorative: true })).status).toBe(
      200,
    );
    expect(await publishedOk(publisher, ORGANISATION, documentId, 'en')).toBe(200);
    const { data } = await graphql(
      `
        query ($id: ID!) {
          organisation(documentId: $id, locale: "en") {
            logoAlt
            logoDecorative
          }
        }
      `,
      { id: documentId },
    );
    expect(data.organisation).toEqual({ logoAlt: null, logoDecorative: true });
    // No image, nothing to describe: publishing an organisation without a logo is as before.
    const bare = await publisher.cm('POST', ORGANISATION, '?locale=en', {
      name: `No logo ${Date.now()}`,
      slug: `no-logo-${Date.now()}`,
      kind: 'network',
      country: 'IT',
    });
    expect(bare.status).toBe(201);
    created.push(bare.body.data.documentId);
    expect(await publishedOk(publisher, ORGANISATION, bare.body.data.documentId, 'en')).toBe(200);
  });

  it('covers a localized cover and the share image of the SEO fields, through any write', async () => {
    const { strapi } = await getApp();
    const module = (await strapi.db.query(MODULE as any).findOne({ where: { locale: 'it', publishedAt: null } })) as {
      documentId: string;
    };
    const cover = await upload(publisher, 'cover.png');
    // An informative cover (the demo's own covers are decorative: src/seed/pictures.ts).
    expect(
      (await publisher.cm('PUT', MODULE, `/${module.documentId}?locale=it`, { cover, coverDecorative: false })).status,
    ).toBe(200);
    const refused = await publish(publisher, MODULE, module.documentId, 'it');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/in Italian/);
    expect(refused.body.error.details.errors[0].path).toEqual(['coverAlt']);
    // The Document Service refuses it too (scripts, imports), and a publication while writing.
    await expect(
      strapi.documents(MODULE as any).publish({ documentId: module.documentId, locale: 'it' } as any),
    ).rejects.toThrow(/alternative text/);
    await expect(
      strapi
        .documents(MODULE as any)
        .update({ documentId: module.documentId, locale: 'it', status: 'published', data: { title: 'x' } } as any),
    ).rejects.toThrow(/alternative text/);
    // A share image needs its text too (never decorative).
    const share = await upload(publisher, 'share.png');
    expect(
      (
        await publisher.cm('PUT', MODULE, `/${module.documentId}?locale=it`, {
          coverAlt: 'Tre volontari intorno a un portatile',
          seo: { metaTitle: 'Modulo', shareImage: share },
        })
      ).status,
    ).toBe(200);
    const noShareAlt = await publish(publisher, MODULE, module.documentId, 'it');
    expect(noShareAlt.status).toBe(400);
    expect(noShareAlt.body.error.details.errors[0].path).toEqual(['seo', 'shareImageAlt']);
    expect(
      (
        await publisher.cm('PUT', MODULE, `/${module.documentId}?locale=it`, {
          seo: { metaTitle: 'Modulo', shareImage: share, shareImageAlt: 'Il logo del modulo' },
        })
      ).status,
    ).toBe(200);
    expect(await publishedOk(publisher, MODULE, module.documentId, 'it')).toBe(200);
    // Other languages of the module are untouched by the Italian cover (a localized image): the
    // English one keeps its own (the demo's).
    const english = (await strapi.db
      .query(MODULE as any)
      .findOne({ where: { documentId: module.documentId, locale: 'en', publishedAt: null }, populate: ['cover'] })) as {
      cover: { id: number } | null;
      coverDecorative: boolean;
    };
    expect(english.cover?.id).not.toBe(cover);
    expect(english.coverDecorative).toBe(true);
  });
});

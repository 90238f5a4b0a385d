import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { createSession, removeTestSessions } from './registration-helpers';
import { ROLE_CODES } from '../src/security/roles';

/**
 * A shared (non-localized) field published in one locale reaches the other published locales,
 * through the content manager as an editor publishes, without publishing anyone's unfinished text.
 */
const SESSION = 'api::training-session.training-session';
let publisher: AdminClient;

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher);
});
afterAll(removeTestSessions);

async function published(documentId: string, locale: string) {
  const { strapi } = await getApp();
  return (await strapi.db
    .query(SESSION as any)
    .findOne({ where: { documentId, locale, publishedAt: { $notNull: true } } })) as any;
}

async function cmStatus(documentId: string, locale: string) {
  const response = await publisher.cm('GET', SESSION, `/${documentId}?locale=${locale}`);
  expect(response.status).toBe(200);
  return response.body.data.status as string;
}

describe('shared fields', () => {
  it('published in English reach the French, Italian and Spanish pages at once', async () => {
    const session = await createSession({ capacity: 20 });
    const saved = await publisher.cm('PUT', SESSION, `/${session.documentId}?locale=en`, { capacity: 35 });
    expect(saved.status).toBe(200);
    expect((await publisher.cm('POST', SESSION, `/${session.documentId}/actions/publish?locale=en`, {})).status).toBe(
      200,
    );
    for (const locale of ['en', 'fr', 'it', 'es']) {
      expect((await published(session.documentId, locale)).capacity).toBe(35);
      expect(await cmStatus(session.documentId, locale)).toBe('published');
    }
    // What a reader of /fr sees: the public API answers the new capacity.
    const { url } = await getApp();
    const answer: any = await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($id: ID!) { trainingSession(documentId: $id, locale: "fr") { capacity } }`,
          variables: { id: session.documentId },
        }),
      })
    ).json();
    expect(answer.data.trainingSession.capacity).toBe(35);
  });

  it("never publishes a translator's unfinished text with them", async () => {
    const session = await createSession({ capacity: 20 });
    const italian = await adminAs(ROLE_CODES.translator('it'));
    // The Italian translator is half-way through a new venue description.
    expect((await italian.cm('PUT', SESSION, `/${session.documentId}?locale=it`, { venue: 'BOZZA' })).status).toBe(200);
    const { strapi } = await getApp();
    const italianDraft = () =>
      strapi.db
        .query(SESSION as any)
        .findOne({ where: { documentId: session.documentId, locale: 'it', publishedAt: null } });
    expect((await italianDraft()).venue).toBe('BOZZA');
    expect((await publisher.cm('PUT', SESSION, `/${session.documentId}?locale=en`, { capacity: 12 })).status).toBe(200);
    expect((await publisher.cm('POST', SESSION, `/${session.documentId}/actions/publish?locale=en`, {})).status).toBe(
      200,
    );
    expect((await italianDraft()).venue).toBe('BOZZA');
    expect((await published(session.documentId, 'fr')).capacity).toBe(12);
    // Its unfinished venue stays a draft, and its published version as it was, on both databases
    // (Strapi's own i18n sync copies shared fields into published rows on some publications only,
    // most often on PostgreSQL, and stamped them as just published).
    const italianPublished = await published(session.documentId, 'it');
    expect(italianPublished.venue).not.toBe('BOZZA');
    expect(italianPublished.capacity).toBe(20);
    // The admin says so: Italian has work to publish (it showed "published" on PostgreSQL).
    expect(await cmStatus(session.documentId, 'it')).toBe('modified');
    expect(await cmStatus(session.documentId, 'fr')).toBe('published');
    expect(await cmStatus(session.documentId, 'en')).toBe('published');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import { adminAs, type AdminClient } from './admin-helpers';
import { createSession, register, removeTestSessions } from './registration-helpers';
import { ROLE_CODES } from '../src/security/roles';

/**
 * The editors' home widgets' data (src/editors/home.ts) through the admin routes the widgets call:
 * each admin's own drafts, the latest publications, this week's registrations, and registrants'
 * names only for the roles allowed to read registrations.
 */
const MODULE = 'api::module.module';
let publisher: AdminClient;
let otherPublisher: AdminClient;
let registrationsManager: AdminClient;
let italian: AdminClient;

beforeAll(async () => {
  publisher = await adminAs(ROLE_CODES.publisher);
  otherPublisher = await adminAs(ROLE_CODES.publisher);
  registrationsManager = await adminAs(ROLE_CODES.registrations);
  italian = await adminAs(ROLE_CODES.translator('it'));
});
afterAll(removeTestSessions);

async function widget(client: AdminClient, path: string) {
  const response = await client.request('GET', `/editors/home/${path}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe("the editors' home", () => {
  it('lists my drafts (not my colleagues’), then the entry among the recently published', async () => {
    const { strapi } = await getApp();
    const module = (await strapi.db
      .query(MODULE as any)
      .findOne({ where: { locale: 'es', publishedAt: null }, orderBy: { id: 'desc' } })) as {
      documentId: string;
      title: string;
    };
    const title = `${module.title} (revisado ${Date.now()})`;
    expect((await publisher.cm('PUT', MODULE, `/${module.documentId}?locale=es`, { title })).status).toBe(200);

    const mine = (await widget(publisher, 'my-drafts')).entries;
    expect(mine[0]).toMatchObject({
      type: MODULE,
      documentId: module.documentId,
      locale: 'es',
      title,
      status: 'modified',
    });
    expect(mine[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const theirs = (await widget(otherPublisher, 'my-drafts')).entries;
    expect(theirs.some((e: any) => e.documentId === module.documentId)).toBe(false);

    expect((await publisher.cm('POST', MODULE, `/${module.documentId}/actions/publish?locale=es`, {})).status).toBe(
      200,
    );
    const afterPublish = (await widget(publisher, 'my-drafts')).entries;
    expect(afterPublish.some((e: any) => e.documentId === module.documentId && e.locale === 'es')).toBe(false);
    for (const client of [publisher, italian]) {
      const published = (await widget(client, 'recently-published')).entries;
      expect(published[0]).toMatchObject({ documentId: module.documentId, locale: 'es', title, status: 'published' });
      expect(published.length).toBeLessThanOrEqual(10);
    }
    // The registrations manager reads sessions only: no module among their publications.
    const sessionsOnly = (await widget(registrationsManager, 'recently-published')).entries;
    expect(sessionsOnly.every((e: any) => e.type === 'api::training-session.training-session')).toBe(true);
  });

  it('counts this week’s registrations for everyone, names them only for the registrations manager', async () => {
    const session = await createSession({ capacity: 10 });
    const name = `Registrant ${Date.now()}`;
    const done = await register(session.documentId, { fullName: name });
    expect(done.outcome?.status, JSON.stringify(done.body)).toBe('confirmed');

    const forPublisher = await publisher.request('GET', '/editors/home/registrations');
    expect(forPublisher.status).toBe(200);
    expect(forPublisher.body.total).toBeGreaterThanOrEqual(1);
    expect(forPublisher.body.sessions).toContainEqual({
      sessionDocumentId: session.documentId,
      sessionTitle: expect.any(String),
      count: 1,
    });
    expect(forPublisher.body.people).toBeUndefined();
    expect(forPublisher.text).not.toContain(name);
    for (const client of [italian]) {
      const answer = await client.request('GET', '/editors/home/registrations');
      expect(answer.body.people).toBeUndefined();
      expect(answer.text).not.toContain(name);
    }

    const forManager = await widget(registrationsManager, 'registrations');
    expect(forManager.people[0]).toMatchObject({ fullName: name, status: 'confirmed' });
    expect(forManager.sessions.find((s: any) => s.sessionDocumentId === session.documentId).count).toBe(1);
  });

  it('answers only logged-in admins', async () => {
    const { url } = await getApp();
    for (const path of ['my-drafts', 'recently-published', 'registrations']) {
      const response = await fetch(`${url}/editors/home/${path}`);
      expect(response.status).toBe(401);
    }
  });
});

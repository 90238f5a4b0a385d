import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import {
  adminToken,
  createSession,
  drainUntil,
  linkToken,
  readByToken,
  register,
  removeTestSessions,
  sessionPlaces,
  settleOutbox,
} from './registration-helpers';
import { fillMissingSessionTitles } from '../src/api/registration/admin/session-title';

/**
 * What editors do with registrations in the content manager, through its admin API with a real
 * admin login, as the admin panel does it.
 */
afterAll(removeTestSessions);

const MODEL = 'api::registration.registration';
let editor: string;
beforeAll(async () => {
  editor = await adminToken();
});

async function contentManager(method: string, path: string, token: string | null, body?: unknown) {
  const { url } = await getApp();
  const response = await fetch(`${url}/content-manager/collection-types/${MODEL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

async function row(email: string) {
  const { strapi } = await getApp();
  return strapi.db.connection('registrations').where('email_normalized', email.toLowerCase()).first();
}

/** Saves an editor's change to a registration through the content manager, as its edit view does (PUT). */
async function save(email: string, change: Record<string, unknown>, token = editor) {
  const { document_id } = await row(email);
  return contentManager('PUT', `/${document_id}`, token, change);
}

/** The place row against the confirmed registrations: they must always agree. */
async function placeCount(session: string) {
  const { strapi } = await getApp();
  const db = strapi.db.connection;
  const places = await db('registration_places').where('session_document_id', session).first();
  const [{ n }] = await db('registrations')
    .count({ n: '*' })
    .where({ session_document_id: session, registration_status: 'confirmed' });
  return { taken: Number(places.taken), confirmed: Number(n), placesLeft: (await sessionPlaces(session)).placesLeft };
}

describe('an editor cancels a registration', () => {
  it("mails the cancellation in the registrant's language with a new link, and promotes the first person waiting", async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 1 });
    const holder = await register(session.documentId, { locale: 'fr' });
    const waiting = await register(session.documentId, { locale: 'es' });
    const confirmation = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(holder.email));

    const saved = await save(holder.email, { registrationStatus: 'cancelled' });
    expect(saved.status).toBe(200);
    expect(saved.body.data.registrationStatus).toBe('cancelled');

    const cancellation = await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(holder.email) && m !== confirmation,
    );
    expect(cancellation.subject).toBe(`Inscription annulée : ${session.title('fr')}`);
    expect(cancellation.text).toContain('Votre inscription à la session ci-dessous est annulée.');
    expect(cancellation.text).toContain('Ce lien remplace celui de notre précédent e-mail.');
    expect(cancellation.attachments[0].content.toString()).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
    // The new link shows the cancelled registration (and lets its holder erase it); the old one is gone.
    expect((await readByToken(linkToken(cancellation.text!))).data.trainingSessionRegistration).toMatchObject({
      status: 'cancelled',
      email: holder.email,
    });
    expect((await readByToken(linkToken(confirmation.text!))).errors![0].extensions!.code).toBe(
      'REGISTRATION_NOT_FOUND',
    );

    await mailbox.waitFor(
      (m) =>
        JSON.stringify(m.to).includes(waiting.email) &&
        m.subject === `Se ha liberado una plaza para ti: ${session.title('es')}`,
    );
    expect((await row(waiting.email)).registration_status).toBe('confirmed');
    expect(await placeCount(session.documentId)).toEqual({ taken: 1, confirmed: 1, placesLeft: 0 });

    // Saving the cancelled registration again sends nothing more.
    expect((await save(holder.email, { organisation: 'Another Coop' })).status).toBe(200);
    await settleOutbox();
    expect(mailbox.to(holder.email)).toHaveLength(2);
    expect(mailbox.to(waiting.email)).toHaveLength(2); // waiting list, then promotion
  });
});

describe('an editor changes statuses and other fields', () => {
  it('keeps the place count equal to the confirmed registrations, also past capacity', async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 2 });
    const [a, b] = [await register(session.documentId), await register(session.documentId)];
    const c = await register(session.documentId);
    expect(c.outcome.status).toBe('waitlisted');
    await settleOutbox();
    const mailsBefore = mailbox.mails.length;

    expect((await save(a.email, { fullName: 'Ada Renamed', organisation: 'Renamed Coop' })).status).toBe(200);
    expect(await placeCount(session.documentId)).toEqual({ taken: 2, confirmed: 2, placesLeft: 0 });
    await settleOutbox();
    expect(mailbox.mails.length).toBe(mailsBefore);
    expect((await row(a.email)).full_name).toBe('Ada Renamed');

    expect((await save(a.email, { registrationStatus: 'cancelled' })).status).toBe(200);
    expect((await row(c.email)).registration_status).toBe('confirmed'); // promoted
    expect(await placeCount(session.documentId)).toEqual({ taken: 2, confirmed: 2, placesLeft: 0 });

    // Back from cancelled: the editor's decision stands, even past capacity.
    expect((await save(a.email, { registrationStatus: 'confirmed' })).status).toBe(200);
    expect(await placeCount(session.documentId)).toEqual({ taken: 3, confirmed: 3, placesLeft: 0 });
    expect((await save(a.email, { registrationStatus: 'waitlisted' })).status).toBe(200);
    expect(await placeCount(session.documentId)).toEqual({ taken: 2, confirmed: 2, placesLeft: 0 });
    expect((await save(b.email, { registrationStatus: 'cancelled' })).status).toBe(200);
    expect((await row(a.email)).registration_status).toBe('confirmed'); // first (and only) one waiting
    expect(await placeCount(session.documentId)).toEqual({ taken: 2, confirmed: 2, placesLeft: 0 });
  });
});

describe('an editor deletes a registration', () => {
  it('sends nothing to the registrant, not even a mail still queued, and promotes the first person waiting', async () => {
    const { mailbox, strapi } = await getApp();
    const session = await createSession({ capacity: 1 });
    await settleOutbox();
    mailbox.failNext(1000);
    const holder = await register(session.documentId, { locale: 'it' });
    const waiting = await register(session.documentId, { locale: 'it' });
    const { id, document_id } = await row(holder.email);
    // The confirmation stays in the outbox: once an attempt has failed and no worker holds it, it waits an hour.
    const outbox = () => strapi.db.connection('registration_outbox').where('registration_id', id);
    await drainUntil(
      async () =>
        (await outbox()
          .where('attempts', '>', 0)
          .whereNull('claimed_by')
          .update({ available_at: Date.now() + 3_600_000 })) === 1,
    );
    mailbox.failNext(0);

    expect((await contentManager('DELETE', `/${document_id}`, editor)).status).toBe(200);
    expect(await row(holder.email)).toBeUndefined();
    expect(await outbox()).toEqual([]);
    expect((await row(waiting.email)).registration_status).toBe('confirmed');
    expect(await placeCount(session.documentId)).toEqual({ taken: 1, confirmed: 1, placesLeft: 0 });
    await drainUntil(() =>
      mailbox.to(waiting.email).some((m) => m.subject === `Si è liberato un posto per voi: ${session.title('it')}`),
    );
    await settleOutbox();
    expect(mailbox.to(holder.email)).toEqual([]);
  });
});

describe('an editor edits an email', () => {
  it('normalises it like registering does, and refuses one another live registration of the session has, readably and changing nothing', async () => {
    const { mailbox } = await getApp();
    const session = await createSession();
    const other = await createSession();
    const a = await register(session.documentId);
    const b = await register(session.documentId);
    const elsewhere = await register(other.documentId, { email: 'Moved.Reader@Example.ORG' });

    const { id } = await row(a.email);
    expect((await save(a.email, { email: 'Moved.Reader@Example.ORG' })).status).toBe(200);
    const { strapi } = await getApp();
    expect(
      await strapi.db
        .connection('registrations')
        .select('id', 'email', 'email_normalized')
        .where('session_document_id', session.documentId)
        .andWhere('id', id),
    ).toEqual([{ id, email: 'Moved.Reader@Example.ORG', email_normalized: 'moved.reader@example.org' }]);
    const moved = await contentManager(
      'GET',
      `?filters[$and][0][sessionDocumentId][$eq]=${session.documentId}&filters[$and][1][email][$eq]=Moved.Reader@Example.ORG`,
      editor,
    );
    expect(moved.body.results).toEqual([
      expect.objectContaining({ email: 'Moved.Reader@Example.ORG', emailNormalized: 'moved.reader@example.org' }),
    ]);
    expect(elsewhere.outcome.status).toBe('confirmed'); // the same address in another session is another registration

    // The same address, whatever its case, on b: refused in the editor's admin language, next to the field.
    await settleOutbox();
    const mailsBefore = mailbox.mails.length;
    const bBefore = await row(b.email);
    const french = await adminToken(undefined, 'fr');
    const refused = await save(b.email, { email: 'moved.READER@example.org', fullName: 'Should Not Change' }, french);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^Cette adresse e-mail est déjà inscrite à cette session/),
      details: {
        errors: [expect.objectContaining({ path: ['email'], message: expect.stringMatching(/^Cette adresse e-mail/) })],
      },
    });
    expect(await row(b.email)).toEqual(bBefore);
    const english = await save(b.email, { email: 'MOVED.reader@example.org' });
    expect(english.body.error.message).toMatch(/^This email address is already registered for this session/);
    await settleOutbox();
    expect(mailbox.mails.length).toBe(mailsBefore);
  });
});

describe('editors see registrations per session, the public and partners do not', () => {
  it("lists a session's registrations with its title in the content manager, to admins only", async () => {
    const { strapi } = await getApp();
    const session = await createSession();
    const other = await createSession();
    const mine = [await register(session.documentId), await register(session.documentId, { locale: 'fr' })];
    const notMine = await register(other.documentId);

    // The side panel's link, then the built-in filter on the title column.
    for (const filter of [
      `[sessionDocumentId][$eq]=${session.documentId}`,
      `[sessionTitle][$eq]=${encodeURIComponent(session.title('en'))}`,
    ]) {
      const list = await contentManager('GET', `?page=1&pageSize=50&filters[$and][0]${filter}`, editor);
      expect(list.status).toBe(200);
      expect(list.body.results.map((r: any) => r.email).sort()).toEqual(mine.map((r) => r.email).sort());
      expect(list.body.results.map((r: any) => r.sessionTitle)).toEqual([session.title('en'), session.title('en')]);
    }

    // The list shows the title column; what the CMS keeps for itself is read-only in the edit view.
    const { url } = await getApp();
    const configuration: any = await (
      await fetch(`${url}/content-manager/content-types/${MODEL}/configuration`, {
        headers: { authorization: `Bearer ${editor}` },
      })
    ).json();
    const { layouts, metadatas } = configuration.data.contentType;
    expect(layouts.list).toEqual(expect.arrayContaining(['fullName', 'email', 'sessionTitle', 'registrationStatus']));
    for (const field of ['sessionDocumentId', 'sessionTitle', 'emailNormalized', 'tokenHash'])
      expect(metadatas[field].edit.editable).toBe(false);
    expect(metadatas.email.edit.editable).toBe(true);

    // The copy of the title follows the session once an editor renames and publishes it.
    const documents = strapi.documents('api::training-session.training-session' as any);
    await documents.update({
      documentId: session.documentId,
      locale: 'en',
      data: { title: `Renamed ${session.title('en')}` },
    } as any);
    await documents.publish({ documentId: session.documentId, locale: 'en' } as any);
    const renamed = await contentManager(
      'GET',
      `?filters[$and][0][sessionDocumentId][$eq]=${session.documentId}`,
      editor,
    );
    expect(renamed.body.results.map((r: any) => r.sessionTitle)).toEqual([
      `Renamed ${session.title('en')}`,
      `Renamed ${session.title('en')}`,
    ]);
    // Registrations written before the copy existed get it on the next start.
    await strapi.db
      .connection('registrations')
      .where('session_document_id', session.documentId)
      .update({ session_title: null });
    await fillMissingSessionTitles(strapi);
    const filled = await strapi.db
      .connection('registrations')
      .distinct('session_title')
      .where('session_document_id', session.documentId);
    expect(filled).toEqual([{ session_title: `Renamed ${session.title('en')}` }]);

    // Nobody else: no login, a partner's API tokens, a site user's JWT, an admin without the permission.
    const readOnly: any = await strapi
      .service('admin::api-token')
      .create({ name: `partner-ro-${Date.now()}`, type: 'read-only', lifespan: null, description: '' });
    const fullAccess: any = await strapi
      .service('admin::api-token')
      .create({ name: `partner-fa-${Date.now()}`, type: 'full-access', lifespan: null, description: '' });
    const authenticated = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const siteUser = await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: `reader-${Date.now()}`,
        email: `site-user-${Date.now()}@example.org`,
        password: 'Reader-password-1',
        provider: 'local',
        confirmed: true,
        role: authenticated.id,
      });
    const siteJwt = strapi.plugin('users-permissions').service('jwt').issue({ id: siteUser.id });
    const noRights = await adminToken(`No access ${Date.now()}`);
    const everyone = [...mine, notMine].map((r) => r.email);
    for (const [token, status] of [
      [null, 401],
      [readOnly.accessKey, 401],
      [fullAccess.accessKey, 401],
      [siteJwt, 401],
      [noRights, 403],
    ] as Array<[string | null, number]>) {
      for (const path of [
        `?filters[$and][0][sessionDocumentId][$eq]=${session.documentId}`,
        `/${(await row(mine[0].email)).document_id}`,
      ]) {
        const answer = await contentManager('GET', path, token);
        expect(answer.status).toBe(status);
        for (const email of everyone) expect(answer.text).not.toContain(email);
      }
    }
  });
});

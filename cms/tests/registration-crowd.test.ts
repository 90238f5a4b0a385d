import { afterAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import {
  createSession,
  drainUntil,
  register,
  sessionPlaces,
  settleOutbox,
  uniqueEmail,
  removeTestSessions,
} from './registration-helpers';

afterAll(removeTestSessions);

/** The newsletter goes out: everybody registers at the same moment (figures: `npm run bench`). */
describe('a crowd registering at once', () => {
  it('gives 200 simultaneous registrations for 20 places exactly 20 confirmed and 180 waitlisted, without an error', async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession({ capacity: 20 });
    const emails = Array.from({ length: 200 }, (_, i) => uniqueEmail(`crowd${i}`));
    const results = await Promise.all(emails.map((email) => register(session.documentId, { email })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const statuses = results.map((r) => r.outcome.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(180);

    const rows = await strapi.db.connection('registrations').where('session_document_id', session.documentId);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r: any) => r.registration_status === 'confirmed')).toHaveLength(20);
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 0, registrationState: 'waitlist' });
    const counter = await strapi.db
      .connection('registration_places')
      .where('session_document_id', session.documentId)
      .first();
    expect(Number(counter.taken)).toBe(20);
    // Every one of them gets exactly one mail.
    await drainUntil(() => emails.every((email) => mailbox.to(email).length > 0), 60_000);
    expect(emails.map((email) => mailbox.to(email).length)).toEqual(emails.map(() => 1));
  });

  it('keeps one registration when the same person sends the form 20 times at once', async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession({ capacity: 20 });
    const email = uniqueEmail('impatient');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        register(session.documentId, { email: i % 2 ? email.toUpperCase() : email }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.outcome.status))).toEqual(new Set(['confirmed']));
    const rows = await strapi.db.connection('registrations').where('session_document_id', session.documentId);
    expect(rows).toHaveLength(1);
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 19 }); // no place leaked by the refused duplicates
    await drainUntil(() => mailbox.to(email).length > 0);
    // The 19 refused duplicates queued nothing: once the outbox has nothing left to send, still one mail.
    await settleOutbox();
    expect(mailbox.to(email)).toHaveLength(1);
  });
});

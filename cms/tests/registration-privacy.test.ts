import { afterAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import {
  adminToken,
  createSession,
  drainUntil,
  readByToken,
  register,
  removeTestSessions,
} from './registration-helpers';
import { newSelfServiceToken } from '../src/api/registration/tokens';
import { anonymiseExpiredRegistrations } from '../src/api/registration/retention';

afterAll(removeTestSessions);

/** A registration written as the seed does (registering for a past session is refused). */
async function pastRegistration(session: string, email: string) {
  const { strapi } = await getApp();
  const { token, hash } = newSelfServiceToken();
  await strapi.documents('api::registration.registration' as any).create({
    data: {
      sessionDocumentId: session,
      fullName: 'Former Participant',
      email,
      emailNormalized: email,
      organisation: 'Old Coop',
      consentAt: new Date(),
      policyVersion: '2026-12-05',
      registrationStatus: 'confirmed',
      language: 'en',
      tokenHash: hash,
    },
  } as any);
  return token;
}

describe('retention', () => {
  it('anonymises registrations a configurable time after their session, once, leaving the figures', async () => {
    const { strapi } = await getApp();
    const old = await createSession({ startsInDays: -400, endsInDays: -399.9, opensInDays: -430 });
    const recent = await createSession({ startsInDays: -46, endsInDays: -45.9, opensInDays: -60 });
    const oldToken = await pastRegistration(old.documentId, 'former-old@example.org');
    await pastRegistration(recent.documentId, 'former-recent@example.org');
    expect((await readByToken(oldToken)).data.trainingSessionRegistration.email).toBe('former-old@example.org');

    expect(await anonymiseExpiredRegistrations(strapi)).toBeGreaterThanOrEqual(1);
    const rows = async (session: string) => strapi.db.connection('registrations').where('session_document_id', session);
    const [gone] = await rows(old.documentId);
    expect(gone).toMatchObject({
      full_name: 'Anonymised',
      organisation: null,
      registration_status: 'confirmed',
      language: 'en',
    });
    expect(gone.email).toMatch(/^anonymised-.*@anonymised\.invalid$/);
    expect(gone.anonymised_at).not.toBeNull();
    expect(JSON.stringify(await rows(old.documentId))).not.toContain('former-old');
    expect((await readByToken(oldToken)).errors![0].extensions!.code).toBe('REGISTRATION_NOT_FOUND');
    expect((await rows(recent.documentId))[0].email).toBe('former-recent@example.org');
    expect(await anonymiseExpiredRegistrations(strapi)).toBe(0); // idempotent

    // The retention period is configurable (REGISTRATION_RETENTION_MONTHS).
    const saved = strapi.config.get('registration.retentionMonths');
    strapi.config.set('registration.retentionMonths', 1);
    try {
      expect(await anonymiseExpiredRegistrations(strapi)).toBeGreaterThanOrEqual(1);
      expect((await rows(recent.documentId))[0].full_name).toBe('Anonymised');
    } finally {
      strapi.config.set('registration.retentionMonths', saved);
    }
  });

  it('says so in the privacy policy, in every language', async () => {
    const expected = {
      en: /anonymised 12 months after the session/,
      fr: /anonymisées 12 mois après la session/,
      it: /anonimizzate 12 mesi dopo la sessione/,
      es: /anonimizan 12 meses después de la sesión/,
    };
    for (const [locale, pattern] of Object.entries(expected)) {
      const { data } = await graphql(
        `
          query ($l: I18NLocaleCode) {
            site(locale: $l) {
              privacyPolicy
            }
          }
        `,
        { l: locale },
      );
      expect(data.site.privacyPolicy).toMatch(pattern);
      expect(data.site.privacyPolicy).toMatch(
        /deletes it at once|la supprime immédiatement|la eliminate subito|se elimina de inmediato/,
      );
    }
  });
});

describe("editors' CSV export", () => {
  it('requires an admin allowed to read registrations, and escapes what could run in a spreadsheet', async () => {
    const { url, mailbox } = await getApp();
    const session = await createSession({ capacity: 1 });
    await register(session.documentId, {
      fullName: '=HYPERLINK("http://evil.example")',
      organisation: 'Probe;=1+2, "Quoted"',
    });
    await register(session.documentId, { fullName: 'Second Person' });
    const path = `${url}/registration-export/sessions/${session.documentId}/registrations.csv`;

    expect((await fetch(path)).status).toBe(401);
    expect((await fetch(path, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    const noRights = await fetch(path, {
      headers: { authorization: `Bearer ${await adminToken(`No access ${Date.now()}`)}` },
    });
    expect(noRights.status).toBe(403);

    const response = await fetch(path, { headers: { authorization: `Bearer ${await adminToken()}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="registrations-test-session-[a-z0-9-]+\.csv"/,
    );
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"fullName","email","organisation","status","language","registeredAt","consentAt","privacyPolicyVersion"',
    );
    expect(lines).toHaveLength(3);
    // Every cell quoted; a formula neutralised at the start and after a separator (a `;` spreadsheet splits there).
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil\.example""\)","[^",]+@example\.org","Probe;'=1\+2, ""Quoted""","confirmed","en","\d{4}-/,
    );
    expect(lines[2]).toMatch(/^"Second Person",.*,"waitlisted",/);
    await drainUntil(() => mailbox.mails.length > 0);
  });
});

describe('no access to registrations for the public or partners', () => {
  it('has neither a GraphQL nor a REST way to list or read registrations, with or without a partner token', async () => {
    const { strapi, url } = await getApp();
    const session = await createSession();
    const { email } = await register(session.documentId, { fullName: 'Private Person' });
    const token: any = await strapi
      .service('admin::api-token')
      .create({ name: `partner-${Date.now()}`, type: 'read-only', lifespan: null, description: '' });
    for (const headers of [{}, { authorization: `Bearer ${token.accessKey}` }] as Array<Record<string, string>>) {
      for (const query of [
        '{ registrations { email } }',
        '{ registration(documentId: "x") { email } }',
        '{ registrations_connection { nodes { email } } }',
      ]) {
        const result = await graphql(query, {}, headers);
        expect(result.status).toBe(400);
        expect(JSON.stringify(result.body)).not.toContain(email);
      }
      const sessionQuery = await graphql(
        `
          query ($id: ID!) {
            trainingSession(documentId: $id) {
              placesLeft
            }
          }
        `,
        { id: session.documentId },
        headers,
      );
      expect(sessionQuery.data.trainingSession.placesLeft).toBe(19);
      for (const path of [
        '/api/registrations',
        '/api/registrations/1',
        `/api/registrations?filters[sessionDocumentId]=${session.documentId}`,
        `/registration-export/sessions/${session.documentId}/registrations.csv`,
      ]) {
        const response = await fetch(`${url}${path}`, { headers });
        expect([401, 403, 404]).toContain(response.status);
        expect(await response.text()).not.toContain(email);
      }
    }
    // The self-service queries need the secret token: a partner token does not open them.
    const guessed = await graphql(
      `{ trainingSessionRegistration(token: "${'C'.repeat(43)}") { email } }`,
      {},
      { authorization: `Bearer ${token.accessKey}` },
    );
    expect(guessed.errors![0].extensions!.code).toBe('REGISTRATION_NOT_FOUND');
  });
});

import crypto from 'node:crypto';
import { getApp, graphql } from './strapi';
import { signFormToken } from '../src/api/registration/tokens';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../src/i18n/locales';

/** Helpers of the registration tests: throwaway sessions, form tokens, the contract's operations. */
const DAY = 86_400_000;
let counter = 0;
const created: string[] = [];

export interface SessionOptions {
  capacity?: number;
  opensInDays?: number | null;
  closesInDays?: number | null;
  startsInDays?: number;
  endsInDays?: number;
  externalRegistrationUrl?: string | null;
  format?: 'online' | 'in-person' | 'hybrid';
}

/** A published session in every locale, open for registration unless told otherwise. */
export async function createSession(options: SessionOptions = {}) {
  const { strapi } = await getApp();
  const n = `${Date.now().toString(36)}-${++counter}`;
  const now = Date.now();
  const startsAt = new Date(now + (options.startsInDays ?? 30) * DAY);
  const shared = {
    startsAt,
    endsAt: new Date(now + (options.endsInDays ?? (options.startsInDays ?? 30) + 0.25) * DAY),
    timezone: 'Europe/Rome',
    teachingLanguage: 'it',
    format: options.format ?? 'online',
    capacity: options.capacity ?? 20,
    registrationOpensAt: options.opensInDays === null ? null : new Date(now + (options.opensInDays ?? -10) * DAY),
    registrationClosesAt:
      options.closesInDays === null || options.closesInDays === undefined
        ? null
        : new Date(now + options.closesInDays * DAY),
    externalRegistrationUrl: options.externalRegistrationUrl ?? null,
  };
  const titles: Record<LocaleCode, string> = {
    en: 'Test session',
    fr: 'Session de test',
    it: 'Sessione di prova',
    es: 'Sesión de prueba',
  };
  const documents = strapi.documents('api::training-session.training-session' as any);
  const session: any = await documents.create({
    locale: 'en',
    status: 'published',
    data: { ...shared, title: `${titles.en} ${n}`, slug: `test-session-${n}` },
  } as any);
  for (const locale of LOCALE_CODES.filter((l) => l !== DEFAULT_LOCALE)) {
    await documents.update({
      documentId: session.documentId,
      locale,
      status: 'published',
      data: { ...shared, title: `${titles[locale]} ${n}`, slug: `${locale}-test-session-${n}` },
    } as any);
  }
  created.push(session.documentId);
  return { documentId: session.documentId as string, title: (locale: LocaleCode) => `${titles[locale]} ${n}` };
}

/** Removes the sessions (and their registrations) a test file created: other files count the demo content. */
export async function removeTestSessions() {
  const { strapi } = await getApp();
  await settleOutbox();
  for (const documentId of created.splice(0)) {
    await strapi.documents('api::training-session.training-session' as any).delete({ documentId, locale: '*' } as any);
    const ids = (await strapi.db.connection('registrations').select('id').where('session_document_id', documentId)).map(
      (r: any) => r.id,
    );
    await strapi.db.connection('registration_outbox').whereIn('registration_id', ids).delete();
    await strapi.db.connection('registrations').whereIn('id', ids).delete();
  }
}

/**
 * An editor's admin JWT, from a real login: a super admin, or a new role without any permission
 * when `roleName` is given. `language` is the admin language of their profile.
 */
export async function adminToken(roleName?: string, language?: string) {
  const { strapi, url } = await getApp();
  const email = `editor-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const password = 'Editor-password-1';
  const role = roleName
    ? await strapi.service('admin::role').create({ name: roleName, description: 'No permission at all' })
    : await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
    preferedLanguage: language ?? null,
  });
  const response = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body: any = await response.json();
  if (!body.data?.token) throw new Error(`admin login failed: ${JSON.stringify(body)}`);
  return body.data.token as string;
}

/** A form token as if the form had been rendered `ageMs` ago (the minimum fill time is 3 s). */
export async function formToken(session: string, ageMs = 10_000) {
  const { strapi } = await getApp();
  return signFormToken(strapi.config.get('server.app.keys') as string[], session, Date.now() - ageMs);
}

export const uniqueEmail = (label = 'reader') => `${label}-${crypto.randomBytes(5).toString('hex')}@example.org`;

export const REGISTER = `mutation($data: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $data) { status placesLeft } }`;

export async function register(
  session: string,
  fields: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const data = {
    session,
    fullName: 'Ada Reader',
    email: uniqueEmail(),
    organisation: 'Coop Example',
    consent: true,
    locale: 'en',
    formToken: await formToken(session),
    ...fields,
  };
  const result = await graphql(REGISTER, { data }, headers);
  return { ...result, email: data.email as string, outcome: result.data?.registerForTrainingSession ?? null };
}

export const DETAILS = `status fullName email organisation language registeredAt waitlistPosition session { documentId locale title slug startsAt endsAt timezone format venue }`;

export const readByToken = (token: string, locale?: string) =>
  graphql(`query($t: String!, $l: String) { trainingSessionRegistration(token: $t, locale: $l) { ${DETAILS} } }`, {
    t: token,
    l: locale,
  });
export const exportByToken = (token: string) =>
  graphql(
    `
      query ($t: String!) {
        trainingSessionRegistrationData(token: $t)
      }
    `,
    { t: token },
  );
export const cancelByToken = (token: string) =>
  graphql(`mutation($t: String!) { cancelTrainingSessionRegistration(token: $t) { ${DETAILS} } }`, { t: token });
export const eraseByToken = (token: string, locale?: string) =>
  graphql(
    `
      mutation ($t: String!, $l: String) {
        eraseTrainingSessionRegistration(token: $t, locale: $l)
      }
    `,
    { t: token, l: locale },
  );

/** The token of the self-service link in a mail. */
export function linkToken(text: string): string {
  const match = text.match(/\?token=([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`No self-service link in: ${text.slice(0, 300)}`);
  return match[1];
}

/** What a refusal must leave untouched: rows, place counter, outbox, mails. */
export async function snapshot(session: string) {
  const { strapi, mailbox } = await getApp();
  const db = strapi.db.connection;
  const [{ n: registrations }] = await db('registrations').count({ n: '*' }).where('session_document_id', session);
  const places = await db('registration_places').where('session_document_id', session).first();
  const [{ n: outbox }] = await db('registration_outbox').count({ n: '*' });
  return {
    registrations: Number(registrations),
    taken: places ? Number(places.taken) : null,
    outbox: Number(outbox),
    mails: mailbox.mails.length,
  };
}

export async function sessionPlaces(session: string) {
  const { data } = await graphql(
    `
      query ($id: ID!) {
        trainingSession(documentId: $id) {
          capacity
          placesLeft
          registrationState
        }
      }
    `,
    { id: session },
  );
  return data.trainingSession as { capacity: number; placesLeft: number; registrationState: string };
}

/** Sends what the outbox holds until `done` holds (the cron and the kicks send too; claims keep it single). */
export async function drainUntil(done: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const { strapi } = await getApp();
  const { drainOutbox } = await import('../src/api/registration/outbox/outbox');
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('The outbox did not deliver in time');
    await drainOutbox(strapi);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until every queued mail is sent (so that a snapshot is not disturbed by earlier mails). */
export async function settleOutbox() {
  const { strapi } = await getApp();
  await drainUntil(async () => {
    const [{ n }] = await strapi.db.connection('registration_outbox').count({ n: '*' }).where('status', 'pending');
    return Number(n) === 0;
  });
}

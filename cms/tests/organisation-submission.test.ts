import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import { drainUntil, settleOutbox, uniqueEmail } from './registration-helpers';
import { signFormToken } from '../src/api/registration/tokens';
import { FORM_SUBJECT } from '../src/api/organisation/submission/submit';
import { RESERVED_SLUGS } from '../src/editors/slugs';

/**
 * "Add your organisation" (src/api/organisation/submission/): a reader's proposal becomes a draft
 * organisation and a private contact; the anti-abuse checks are the registration's; publishing or
 * deleting the draft mails the submitter and erases the contact.
 */
const ORGANISATION = 'api::organisation.organisation';
const EDITORS = 'atlas-editors@example.org';
const SECRET = 'site-forwarding-secret-for-tests-0123';
const site = (ip: string) => ({ 'x-site-forwarding-secret': SECRET, 'x-forwarded-for': ip });
const SUBMIT = `mutation($data: OrganisationSubmissionInput!) { submitOrganisation(data: $data) { received } }`;
const created: string[] = [];
let saved: Record<string, unknown> = {};
let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++}`;

async function formToken(ageMs = 10_000) {
  const { strapi } = await getApp();
  return signFormToken(strapi.config.get('server.app.keys') as string[], FORM_SUBJECT, Date.now() - ageMs);
}

async function themeIds(locale: string, n: number): Promise<string[]> {
  const { data } = await graphql(
    `query($l: I18NLocaleCode) { themes(locale: $l, pagination: { limit: ${n} }) { documentId } }`,
    {
      l: locale,
    },
  );
  return data.themes.map((t: { documentId: string }) => t.documentId);
}

async function submit(fields: Record<string, unknown> = {}, headers: Record<string, string> = site(freshIp())) {
  const name = `Proposed Coop ${crypto.randomBytes(4).toString('hex')}`;
  const data = {
    name,
    description: 'A cooperative that trains social workers in digital tools.\nSecond line.',
    kind: 'cooperative',
    roles: ['training'],
    country: 'FR',
    city: 'Lille',
    website: 'https://coop.example.org',
    services: [],
    foundedYear: 2012,
    contactName: 'Camille Submitter',
    contactEmail: uniqueEmail('submitter'),
    consent: true,
    locale: 'fr',
    formToken: await formToken(),
    homepage: '',
    ...fields,
  };
  const result = await graphql(SUBMIT, { data }, headers);
  return { ...result, name: data.name as string, email: data.contactEmail as string };
}

/** Rows of a proposed organisation (by name), its contact, and everything a refusal must leave untouched. */
async function organisationRows(name: string) {
  const { strapi } = await getApp();
  return strapi.db.connection('organisations').where('name', name);
}
async function contactOf(documentId: string) {
  const { strapi } = await getApp();
  return strapi.db.connection('organisation_submissions').where('organisation_document_id', documentId).first();
}
async function snapshot() {
  const { strapi, mailbox } = await getApp();
  const db = strapi.db.connection;
  const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);
  return {
    organisations: await count('organisations'),
    contacts: await count('organisation_submissions'),
    outbox: await count('registration_outbox'),
    mails: mailbox.mails.length,
  };
}

beforeAll(async () => {
  const { strapi } = await getApp();
  saved = {
    editors: strapi.config.get('submissions.editorsEmail'),
    rateLimit: strapi.config.get('submissions.rateLimit'),
    secret: strapi.config.get('registration.siteForwardingSecret'),
  };
  strapi.config.set('submissions.editorsEmail', EDITORS);
  strapi.config.set('submissions.rateLimit', { max: 1000, windowSeconds: 600 });
  strapi.config.set('registration.siteForwardingSecret', SECRET);
});

afterAll(async () => {
  const { strapi } = await getApp();
  await settleOutbox();
  for (const documentId of created)
    await strapi.documents(ORGANISATION as any).delete({ documentId, locale: '*' } as any);
  await settleOutbox();
  strapi.config.set('submissions.editorsEmail', saved.editors);
  strapi.config.set('submissions.rateLimit', saved.rateLimit);
  strapi.config.set('registration.siteForwardingSecret', saved.secret);
});

describe('a valid submission', () => {
  it('creates one draft in the form language, one private contact, the acknowledgement and the editors mail', async () => {
    const { mailbox } = await getApp();
    const [theme] = await themeIds('fr', 1);
    const before = await snapshot();
    const result = await submit({ services: [theme], roles: ['training', 'network'] });
    expect(result.errors).toBeUndefined();
    expect(result.data.submitOrganisation).toEqual({ received: true });
    const rows = await organisationRows(result.name);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    created.push(row.document_id);
    expect(row).toMatchObject({ locale: 'fr', kind: 'cooperative', country: 'FR', city: 'Lille', published_at: null });
    expect(row.description).toBe('A cooperative that trains social workers in digital tools.\nSecond line.');
    expect(JSON.parse(typeof row.roles === 'string' ? row.roles : JSON.stringify(row.roles))).toEqual([
      'training',
      'network',
    ]);
    expect(row.slug).toMatch(/^proposed-coop-[0-9a-f]{8}$/);
    const draft: any = await getApp().then(({ strapi }) =>
      strapi
        .documents(ORGANISATION as any)
        .findOne({ documentId: row.document_id, locale: 'fr', populate: ['services'] } as any),
    );
    expect(draft.services.map((s: any) => s.documentId)).toEqual([theme]);
    expect(await contactOf(row.document_id)).toMatchObject({
      locale: 'fr',
      full_name: 'Camille Submitter',
      email: result.email,
    });
    const after = await snapshot();
    expect(after.organisations).toBe(before.organisations + 1);
    expect(after.contacts).toBe(before.contacts + 1);

    const ack = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(result.email));
    expect(ack.subject).toBe(`Nous avons bien reçu votre proposition : ${result.name}`);
    expect(ack.text).toMatch(/Bonjour Camille Submitter/);
    const editors = await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(EDITORS) && m.subject!.includes(result.name),
    );
    expect(editors.subject).toBe(`New organisation to review: ${result.name}`);
    expect(editors.text).toContain(`/content-manager/collection-types/${ORGANISATION}/${row.document_id}`);
    expect(editors.text).toContain(result.email);
    // Nothing of the mails waits in the outbox in clear, before or after.
    await settleOutbox();
    const { strapi } = await getApp();
    expect(JSON.stringify(await strapi.db.connection('registration_outbox').where('registration_id', 0))).not.toContain(
      result.email,
    );
  });

  it('never takes a slug reserved for the site, and editors cannot give one', async () => {
    const { strapi } = await getApp();
    const result = await submit({ name: 'Add' });
    expect(result.errors).toBeUndefined();
    const [row] = await organisationRows('Add');
    created.push(row.document_id);
    expect(RESERVED_SLUGS[ORGANISATION]).toContain('add');
    expect(RESERVED_SLUGS[ORGANISATION]).not.toContain(row.slug);
    for (const slug of RESERVED_SLUGS[ORGANISATION]) {
      await expect(
        strapi.documents(ORGANISATION as any).create({
          locale: 'en',
          data: { name: `Reserved ${slug}`, slug, kind: 'other', country: 'FR' },
        } as any),
      ).rejects.toThrow(/reserved/);
    }
  });
});

describe('refusals change nothing', () => {
  beforeEach(settleOutbox);

  it('refuses the honeypot, a form sent too fast, a forged or expired token', async () => {
    const before = await snapshot();
    const spam = await submit({ homepage: 'http://spam.example' });
    expect(spam.errors![0].extensions).toMatchObject({ code: 'SPAM_SUSPECTED', field: 'homepage' });
    expect(spam.errors![0].message).toMatch(/^Votre proposition n'a pas pu être acceptée/);
    const fast = await submit({ formToken: await formToken(500) });
    expect(fast.errors![0].extensions).toMatchObject({ code: 'TOO_FAST', field: 'formToken' });
    const forged = await submit({ formToken: `${FORM_SUBJECT}.${Date.now() - 10_000}.abc.def` });
    expect(forged.errors![0].extensions!.code).toBe('FORM_EXPIRED');
    const { strapi } = await getApp();
    const sessionToken = signFormToken(
      strapi.config.get('server.app.keys') as string[],
      'someSession',
      Date.now() - 10_000,
    );
    expect((await submit({ formToken: sessionToken })).errors![0].extensions!.code).toBe('FORM_EXPIRED');
    const old = await submit({ formToken: await formToken(2 * 86_400_000) });
    expect(old.errors![0].extensions!.code).toBe('FORM_EXPIRED');
    for (const r of [spam, fast, forged, old]) expect(await organisationRows(r.name)).toHaveLength(0);
    await settleOutbox();
    expect(await snapshot()).toEqual(before);
  });

  it('lists every invalid field with a message in the form language', async () => {
    const before = await snapshot();
    const bad = await submit({
      name: '  ',
      description: 'x'.repeat(3001),
      kind: 'club',
      roles: ['training', 'astronaut'],
      country: 'ZZ',
      city: 'Lil\u0007le',
      website: 'javascript:alert(1)',
      services: ['not-a-theme'],
      foundedYear: 1700,
      contactName: '',
      contactEmail: 'nobody@localhost',
      consent: false,
      locale: 'it',
    });
    const error = bad.errors![0];
    expect(error.extensions!.code).toBe('INVALID_INPUT');
    const byField = Object.fromEntries(error.extensions!.fieldErrors.map((e: any) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(
      [
        'city',
        'consent',
        'contactEmail',
        'contactName',
        'country',
        'description',
        'foundedYear',
        'kind',
        'name',
        'roles',
        'services',
        'website',
      ].sort(),
    );
    expect(byField.name).toMatchObject({ code: 'REQUIRED', message: 'Questo campo è obbligatorio.' });
    expect(byField.description.code).toBe('TOO_LONG');
    expect(byField.description.message).toMatch(/3000/);
    expect(byField.contactEmail.code).toBe('INVALID_EMAIL');
    expect(byField.foundedYear.message).toMatch(/^Indica un anno tra 1800 e \d{4}\.$/);
    expect(byField.services.message).toBe('Questo tema non esiste.');
    // The same in Spanish.
    const es = await submit({ name: '', locale: 'es' });
    expect(es.errors![0].extensions!.fieldErrors[0]).toMatchObject({
      field: 'name',
      message: 'Este campo es obligatorio.',
    });
    await settleOutbox();
    expect(await snapshot()).toEqual(before);
  });

  it('limits attempts per client IP and per email address, counted in the database', async () => {
    const { strapi } = await getApp();
    const limit = strapi.config.get('submissions.rateLimit');
    strapi.config.set('submissions.rateLimit', { max: 2, windowSeconds: 600 });
    try {
      const ip = site(freshIp());
      // Refused attempts count too (a bot trying fields).
      expect((await submit({ name: '' }, ip)).errors![0].extensions!.code).toBe('INVALID_INPUT');
      const ok = await submit({}, ip);
      expect(ok.errors).toBeUndefined();
      created.push((await organisationRows(ok.name))[0].document_id);
      await settleOutbox();
      const before = await snapshot();
      const limited = await submit({}, ip);
      expect(limited.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: null });
      expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(500);
      // One address from several IPs.
      const email = uniqueEmail('repeat');
      for (let i = 0; i < 2; i++) {
        const r = await submit({ contactEmail: email });
        expect(r.errors).toBeUndefined();
        created.push((await organisationRows(r.name))[0].document_id);
      }
      await settleOutbox();
      const beforeEmail = await snapshot();
      const byEmail = await submit({ contactEmail: email.toUpperCase() });
      expect(byEmail.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'contactEmail' });
      await settleOutbox();
      expect(await snapshot()).toEqual(beforeEmail);
      expect(before.organisations).toBe(beforeEmail.organisations - 2);
      expect(await organisationRows(limited.name)).toHaveLength(0);
    } finally {
      strapi.config.set('submissions.rateLimit', limit);
    }
  });
});

describe('privacy', () => {
  it('neither the public nor a read-only token reads the draft or the contact (REST, GraphQL, filters)', async () => {
    const { strapi, url } = await getApp();
    const result = await submit();
    const [row] = await organisationRows(result.name);
    created.push(row.document_id);
    const token: any = await strapi
      .service('admin::api-token')
      .create({ name: `partner-submissions-${Date.now()}`, type: 'read-only', lifespan: null, description: '' });
    for (const headers of [{}, { authorization: `Bearer ${token.accessKey}` }] as Array<Record<string, string>>) {
      const filtered = await graphql(
        `
          query ($name: String, $id: ID!) {
            organisations(locale: "fr", filters: { name: { eq: $name } }) {
              documentId
            }
            byDoc: organisations(locale: "fr", filters: { documentId: { eq: $id } }) {
              documentId
            }
            organisation(documentId: $id, locale: "fr") {
              documentId
            }
          }
        `,
        { name: result.name, id: row.document_id },
        headers,
      );
      expect(filtered.data).toEqual({ organisations: [], byDoc: [], organisation: null });
      const draft = await graphql(
        `
          query ($id: ID!) {
            organisation(documentId: $id, locale: "fr", status: DRAFT) {
              name
            }
          }
        `,
        { id: row.document_id },
        headers,
      );
      expect(JSON.stringify(draft.body)).not.toContain(result.name);
      for (const query of [
        '{ organisationSubmissions { email } }',
        '{ organisationSubmission(documentId: "x") { email } }',
      ]) {
        const refused = await graphql(query, {}, headers);
        expect(refused.status).toBe(400);
      }
      for (const path of [
        `/api/organisations?locale=fr&filters[name][$eq]=${encodeURIComponent(result.name)}`,
        `/api/organisations/${row.document_id}?locale=fr`,
        `/api/organisations/${row.document_id}?locale=fr&status=draft`,
        `/api/organisations?locale=fr&status=draft&filters[documentId][$eq]=${row.document_id}`,
        '/api/organisation-submissions',
        '/organisation-submissions/pending',
      ]) {
        const response = await fetch(`${url}${path}`, { headers });
        const body = await response.text();
        expect(body).not.toContain(result.name);
        expect(body).not.toContain(result.email);
        if (response.status === 200)
          expect(JSON.parse(body).data).toEqual(path.includes('/api/organisations/') ? null : []);
      }
    }
  });
});

describe('moderation', () => {
  it('publishing mails the submitter the page in their language and erases the contact', async () => {
    const { strapi, mailbox } = await getApp();
    const result = await submit({ contactName: 'Paola Proponente', locale: 'it' });
    const [row] = await organisationRows(result.name);
    created.push(row.document_id);
    await mailbox.waitFor((m) => JSON.stringify(m.to).includes(result.email));
    await strapi.documents(ORGANISATION as any).publish({ documentId: row.document_id, locale: 'it' } as any);
    expect(await contactOf(row.document_id)).toBeUndefined();
    await drainUntil(() => mailbox.to(result.email).length >= 2);
    const published = mailbox.to(result.email)[1]!;
    expect(published.subject).toBe(`${result.name} è ora nel Social Tech Atlas`);
    expect(published.text).toContain(`http://localhost:3000/it/atlante/${row.slug}`);
    expect(published.text).toMatch(/Buongiorno Paola Proponente/);
    // Now public; publishing again (or anything later) mails nothing more.
    const { data } = await graphql(
      `
        query ($id: ID!) {
          organisation(documentId: $id, locale: "it") {
            name
          }
        }
      `,
      {
        id: row.document_id,
      },
    );
    expect(data.organisation.name).toBe(result.name);
    await strapi.documents(ORGANISATION as any).publish({ documentId: row.document_id, locale: 'it' } as any);
    await settleOutbox();
    expect(mailbox.to(result.email)).toHaveLength(2);
    expect(JSON.stringify(await strapi.db.connection('registration_outbox').where('registration_id', 0))).not.toContain(
      result.email,
    );
  });

  it('deleting the draft declines it: the submitter is told and the contact erased', async () => {
    const { strapi, mailbox } = await getApp();
    const result = await submit({ locale: 'es', contactName: 'Lucía Proponente' });
    const [row] = await organisationRows(result.name);
    await mailbox.waitFor((m) => JSON.stringify(m.to).includes(result.email));
    await strapi.documents(ORGANISATION as any).delete({ documentId: row.document_id, locale: '*' } as any);
    expect(await organisationRows(result.name)).toHaveLength(0);
    expect(await contactOf(row.document_id)).toBeUndefined();
    await drainUntil(() => mailbox.to(result.email).length >= 2);
    const declined = mailbox.to(result.email)[1]!;
    expect(declined.subject).toBe(`Tu propuesta para el Social Tech Atlas: ${result.name}`);
    expect(declined.text).toMatch(/Hola, Lucía Proponente/);
    expect(declined.text).toMatch(/ya se han borrado/);
  });

  it('lists pending submissions for editors in the admin, not to others', async () => {
    const { url } = await getApp();
    const { adminToken } = await import('./registration-helpers');
    const result = await submit();
    const [row] = await organisationRows(result.name);
    created.push(row.document_id);
    const response = await fetch(`${url}/organisation-submissions/pending`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    expect(response.status).toBe(200);
    const { submissions } = (await response.json()) as any;
    expect(submissions).toContainEqual(
      expect.objectContaining({ documentId: row.document_id, locale: 'fr', name: result.name }),
    );
    expect(JSON.stringify(submissions)).not.toContain(result.email);
    const noRights = await fetch(`${url}/organisation-submissions/pending`, {
      headers: { authorization: `Bearer ${await adminToken(`No access ${Date.now()}`)}` },
    });
    expect(noRights.status).toBe(403);
  });
});

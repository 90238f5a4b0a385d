import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';
import { uniqueEmail } from './registration-helpers';
import { signFormToken } from '../src/api/registration/tokens';
import { FORM_SUBJECT, MODULE_USE } from '../src/api/module-use/submission/submit';
import { deleteExpiredModuleUses } from '../src/api/module-use/retention';

/**
 * The trainers' corner (issue 16): the hub and the kits are public content (published only), the
 * "I use this module" records are personal data no API reads, and the form's refusals write nothing.
 */
const KIT = 'api::trainer-kit.trainer-kit';
const SECRET = 'site-forwarding-secret-for-tests-0123';
const site = (ip: string) => ({ 'x-site-forwarding-secret': SECRET, 'x-forwarded-for': ip });
const USE = `mutation($data: ModuleUseInput!) { useModule(data: $data) { received } }`;
let ipCounter = 1;
const freshIp = () => `203.0.113.${ipCounter++}`;
let saved: Record<string, unknown> = {};
let partnerToken = '';
let fullToken = '';

async function formToken(ageMs = 10_000) {
  const { strapi } = await getApp();
  return signFormToken(strapi.config.get('server.app.keys') as string[], FORM_SUBJECT, Date.now() - ageMs);
}
async function moduleId(locale = 'en'): Promise<string> {
  const { data } = await graphql(
    `
      query ($l: I18NLocaleCode) {
        modules(locale: $l, pagination: { limit: 1 }) {
          documentId
        }
      }
    `,
    {
      l: locale,
    },
  );
  return data.modules[0].documentId;
}
async function useModule(fields: Record<string, unknown> = {}, headers: Record<string, string> = site(freshIp())) {
  const data = {
    fullName: 'Alex Trainer',
    email: uniqueEmail('trainer'),
    organisation: 'Coop Formation',
    country: 'BE',
    module: await moduleId(),
    learners: 12,
    context: 'A evening course for volunteers.\nTwice a month.',
    consent: true,
    locale: 'en',
    formToken: await formToken(),
    homepage: '',
    ...fields,
  };
  return { ...(await graphql(USE, { data }, headers)), email: data.email as string };
}
async function records(): Promise<any[]> {
  const { strapi } = await getApp();
  return strapi.db.connection('module_uses').select('*');
}

beforeAll(async () => {
  const { strapi } = await getApp();
  saved = {
    rateLimit: strapi.config.get('submissions.moduleUseRateLimit'),
    secret: strapi.config.get('registration.siteForwardingSecret'),
  };
  strapi.config.set('submissions.moduleUseRateLimit', { max: 1000, windowSeconds: 600 });
  strapi.config.set('registration.siteForwardingSecret', SECRET);
  const tokens = strapi.service('admin::api-token') as any;
  partnerToken = (
    await tokens.create({ name: `partner-kits-${Date.now()}`, type: 'read-only', lifespan: null, description: '' })
  ).accessKey;
  fullToken = (
    await tokens.create({ name: `full-kits-${Date.now()}`, type: 'full-access', lifespan: null, description: '' })
  ).accessKey;
});
afterAll(async () => {
  const { strapi } = await getApp();
  strapi.config.set('submissions.moduleUseRateLimit', saved.rateLimit);
  strapi.config.set('registration.siteForwardingSecret', saved.secret);
});

describe('the demo content', () => {
  it('has the hub in four languages, linking one training-of-trainers session per language', async () => {
    const ids = new Set<string>();
    for (const locale of LOCALES) {
      const { data, errors } = await graphql(
        `
          query ($l: I18NLocaleCode) {
            trainersCorner(locale: $l) {
              documentId
              locale
              title
              programme
              community
              kitsIntro
              programmeSessions(sort: "startsAt") {
                documentId
                teachingLanguage
                audiences {
                  slug
                }
              }
            }
          }
        `,
        { l: locale },
      );
      expect(errors).toBeUndefined();
      const hub = data.trainersCorner;
      ids.add(hub.documentId);
      expect(hub.locale).toBe(locale);
      expect(hub.programme).toMatch(/80/);
      expect(hub.community.length).toBeGreaterThan(100);
      expect(hub.programmeSessions.map((s: any) => s.teachingLanguage).sort()).toEqual(['en', 'es', 'fr', 'it']);
    }
    expect(ids.size).toBe(1);
  });

  it('has a kit for every module in every language, with two PDFs, the licence and a guide', async () => {
    const byLocale: Record<string, string[]> = {};
    const modules = await graphql(`
      {
        modules(locale: "en", pagination: { limit: 100 }) {
          documentId
        }
      }
    `);
    for (const locale of LOCALES) {
      const { data, errors } = await graphql(
        `
          query ($l: I18NLocaleCode) {
            trainerKits(locale: $l, pagination: { limit: 100 }) {
              documentId
              slug
              title
              licence
              licenceUrl
              facilitatorGuide
              module {
                documentId
                locale
              }
              files {
                url
                mime
                name
              }
            }
          }
        `,
        { l: locale },
      );
      expect(errors).toBeUndefined();
      const kits = nonEmpty(data.trainerKits, `${locale} kits`);
      byLocale[locale] = kits.map((k: any) => k.documentId).sort();
      for (const kit of kits) {
        expect(kit.licence).toBe('CC BY-SA 4.0');
        expect(kit.licenceUrl).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
        expect(kit.facilitatorGuide).toMatch(/\|/);
        expect(kit.module.locale).toBe(locale);
        expect(kit.files.map((f: any) => f.mime)).toEqual(['application/pdf', 'application/pdf']);
      }
    }
    expect(byLocale.en).toHaveLength(modules.data.modules.length);
    for (const locale of LOCALES) expect(byLocale[locale]).toEqual(byLocale.en);
  });

  it('serves each kit file as a real PDF in its language', async () => {
    const { url } = await getApp();
    const { data } = await graphql(`
      {
        trainerKits(locale: "fr", pagination: { limit: 1 }) {
          title
          files {
            url
          }
        }
      }
    `);
    const response = await fetch(`${url}${data.trainerKits[0].files[1].url}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toMatch(/\(Fiche\)$/);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
  });
});

describe('drafts of kits and of the hub stay private', () => {
  it('reads published kits only, through GraphQL (variables, defaults, relations) and REST', async () => {
    const { strapi, url } = await getApp();
    const module = await moduleId();
    const slug = `draft-kit-${crypto.randomBytes(3).toString('hex')}`;
    const draft = await strapi.documents(KIT as any).create({
      locale: 'en',
      data: { title: `Secret draft kit ${slug}`, slug, module, facilitatorGuide: 'secret guide' },
    } as any);
    try {
      for (const headers of [{}, { authorization: `Bearer ${partnerToken}` }] as Array<Record<string, string>>) {
        const list = await graphql(
          `
            {
              trainerKits(locale: "en", pagination: { limit: 100 }) {
                slug
              }
            }
          `,
          {},
          headers,
        );
        expect(JSON.stringify(list.body)).not.toContain(slug);
        const one = await graphql(
          `
            query ($id: ID!) {
              trainerKit(documentId: $id) {
                slug
              }
            }
          `,
          { id: draft.documentId },
          headers,
        );
        expect(one.data?.trainerKit ?? null).toBeNull();
        const asked = await graphql(
          `query($s: PublicationStatus = DRAFT) { trainerKits(status: $s, filters: { slug: { eq: "${slug}" } }) { slug } }`,
          {},
          headers,
        );
        expect(JSON.stringify(asked.body)).not.toContain(`"${slug}"`);
        expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const viaModule = await graphql(
          `
            query ($id: ID!) {
              module(documentId: $id) {
                title
              }
              trainerKits(filters: { module: { documentId: { eq: $id } } }, pagination: { limit: 100 }) {
                slug
              }
            }
          `,
          { id: module },
          headers,
        );
        expect(JSON.stringify(viaModule.body)).not.toContain(slug);
      }
      for (const path of ['/api/trainer-kits', `/api/trainer-kits?status=draft&filters[slug]=${slug}`]) {
        const anonymous = await fetch(`${url}${path}`);
        expect([401, 403]).toContain(anonymous.status);
        const partner = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${partnerToken}` } });
        expect(await partner.text()).not.toContain(slug);
      }
      // An editors' tool (full access) asking for drafts does see it: the rule is about who asks.
      const editor = await fetch(`${url}/api/trainer-kits?status=draft&filters[slug]=${slug}`, {
        headers: { authorization: `Bearer ${fullToken}` },
      });
      expect(await editor.text()).toContain(slug);
    } finally {
      await strapi.documents(KIT as any).delete({ documentId: draft.documentId, locale: '*' } as any);
    }
  });
});

describe('"I use this module" records are never readable', () => {
  it('has no GraphQL type, field or relation and no REST route for them, with or without a token', async () => {
    const { url } = await getApp();
    const sent = await useModule({ fullName: 'Very Private Trainer' });
    expect(sent.errors).toBeUndefined();
    for (const headers of [
      {},
      { authorization: `Bearer ${partnerToken}` },
      { authorization: `Bearer ${fullToken}` },
    ] as Array<Record<string, string>>) {
      for (const query of [
        '{ moduleUses { email } }',
        '{ moduleUse(documentId: "x") { email } }',
        '{ moduleUses_connection { nodes { email } } }',
        '{ modules { moduleUses { email } } }',
        '{ trainerKits { module { moduleUses { email } } } }',
      ]) {
        const result = await graphql(query, {}, headers);
        expect(result.status).toBe(400);
        expect(JSON.stringify(result.body)).not.toContain(sent.email);
      }
      for (const path of ['/api/module-uses', '/api/module-uses/1', `/api/module-uses?filters[email]=${sent.email}`]) {
        const response = await fetch(`${url}${path}`, { headers });
        expect([401, 403, 404]).toContain(response.status);
        expect(await response.text()).not.toContain(sent.email);
      }
    }
    const schema = await graphql(`
      {
        __schema {
          types {
            name
            fields {
              name
            }
          }
        }
      }
    `);
    expect(JSON.stringify(schema.body)).not.toMatch(/"ModuleUse"|"moduleUses"|"requestKey"/);
  });
});

describe('the form', () => {
  it('stores one private record with what the trainer sent, the consent time and the policy version', async () => {
    const { strapi } = await getApp();
    const module = await moduleId('fr');
    const before = (await records()).length;
    const sent = await useModule({ locale: 'fr', module, country: 'it', learners: 25 });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.useModule).toEqual({ received: true });
    const rows = await records();
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.email === sent.email);
    expect(row).toMatchObject({
      full_name: 'Alex Trainer',
      organisation: 'Coop Formation',
      country: 'IT',
      learners: 25,
      language: 'fr',
      policy_version: strapi.config.get('registration.privacyPolicyVersion'),
    });
    expect(row.module_title).toBeTruthy();
    expect(row.context).toBe('A evening course for volunteers.\nTwice a month.');
    const stored: any = await strapi
      .documents(MODULE_USE as any)
      .findOne({ documentId: row.document_id, populate: ['module'] } as any);
    expect(stored.module.documentId).toBe(module);
  });

  it('stores a form sent again, or sent several times at once, once', async () => {
    const token = await formToken();
    const email = uniqueEmail('retry');
    const before = (await records()).length;
    const first = await useModule({ formToken: token, email });
    expect(first.errors).toBeUndefined();
    const again = await Promise.all(Array.from({ length: 5 }, () => useModule({ formToken: token, email })));
    for (const result of again) expect(result.data?.useModule).toEqual({ received: true });
    const rows = await records();
    expect(rows).toHaveLength(before + 1);
    expect(rows.filter((r) => r.email === email)).toHaveLength(1);
  });

  it('refuses with every field’s localized message and writes nothing', async () => {
    const before = await records();
    const messages: Record<string, string> = {};
    for (const locale of LOCALES) {
      const result = await useModule({
        locale,
        fullName: ' ',
        email: 'not-an-email',
        country: 'XX',
        module: 'no-such-module',
        learners: 0,
        context: 'x'.repeat(1001),
        consent: false,
        organisation: 'o'.repeat(201),
      });
      const error = result.errors![0];
      expect(error.extensions!.code).toBe('INVALID_INPUT');
      const fields = Object.fromEntries(error.extensions!.fieldErrors.map((e: any) => [e.field, e.message]));
      expect(Object.keys(fields).sort()).toEqual(
        ['consent', 'context', 'country', 'email', 'fullName', 'learners', 'module', 'organisation'].sort(),
      );
      messages[locale] = fields.consent;
    }
    expect(new Set(Object.values(messages)).size).toBe(4);
    expect(messages.fr).toMatch(/^Cochez la case/);
    expect(messages.es).toMatch(/^Marca la casilla/);
    expect(await records()).toEqual(before);
  });

  it('refuses the honeypot, a fast, forged, expired or foreign token, a draft module, and writes nothing', async () => {
    const { strapi } = await getApp();
    const before = await records();
    const spam = await useModule({ homepage: 'http://spam.example', locale: 'it' });
    expect(spam.errors![0].extensions).toMatchObject({ code: 'SPAM_SUSPECTED', field: 'homepage' });
    expect(spam.errors![0].message).toMatch(/^Il vostro messaggio/);
    expect((await useModule({ formToken: await formToken(500) })).errors![0].extensions!.code).toBe('TOO_FAST');
    expect(
      (await useModule({ formToken: `${FORM_SUBJECT}.${Date.now() - 10_000}.abc.def` })).errors![0].extensions!.code,
    ).toBe('FORM_EXPIRED');
    expect((await useModule({ formToken: await formToken(2 * 86_400_000) })).errors![0].extensions!.code).toBe(
      'FORM_EXPIRED',
    );
    const foreign = signFormToken(
      strapi.config.get('server.app.keys') as string[],
      'organisation-submission',
      Date.now() - 10_000,
    );
    expect((await useModule({ formToken: foreign })).errors![0].extensions!.code).toBe('FORM_EXPIRED');
    const draft = await strapi.documents('api::module.module' as any).create({
      locale: 'en',
      data: { title: 'Draft module for trainers', slug: `draft-module-${Date.now()}`, level: 'discovery' },
    } as any);
    try {
      const onDraft = await useModule({ module: draft.documentId });
      expect(onDraft.errors![0].extensions!.fieldErrors).toEqual([
        expect.objectContaining({ field: 'module', code: 'INVALID_VALUE' }),
      ]);
    } finally {
      await strapi.documents('api::module.module' as any).delete({ documentId: draft.documentId, locale: '*' } as any);
    }
    expect(await records()).toEqual(before);
  });

  it('limits attempts per IP and per email address, and a limited attempt writes nothing', async () => {
    const { strapi } = await getApp();
    strapi.config.set('submissions.moduleUseRateLimit', { max: 2, windowSeconds: 600 });
    try {
      const email = uniqueEmail('limited');
      expect((await useModule({ email })).errors).toBeUndefined();
      expect((await useModule({ email })).errors).toBeUndefined();
      const before = await records();
      const third = await useModule({ email });
      expect(third.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'email' });
      const ip = freshIp();
      await useModule({}, site(ip));
      await useModule({}, site(ip));
      const before2 = await records();
      const fromIp = await useModule({}, site(ip));
      expect(fromIp.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(fromIp.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      expect(before.length).toBe(before2.length - 2);
      expect(await records()).toEqual(before2);
    } finally {
      strapi.config.set('submissions.moduleUseRateLimit', { max: 1000, windowSeconds: 600 });
    }
  });

  it('deletes records older than the retention the privacy policy states', async () => {
    const { strapi } = await getApp();
    const sent = await useModule();
    const [row] = (await records()).filter((r) => r.email === sent.email);
    const later = new Date(Date.now() + 25 * 31 * 86_400_000);
    const fresh = await useModule();
    expect(await deleteExpiredModuleUses(strapi, new Date(Date.now() + 23 * 30 * 86_400_000))).toBe(0);
    expect(await deleteExpiredModuleUses(strapi, later)).toBeGreaterThanOrEqual(2);
    const left = await records();
    expect(left.find((r) => r.id === row.id)).toBeUndefined();
    expect(left.find((r) => r.email === fresh.email)).toBeUndefined();
  });
});

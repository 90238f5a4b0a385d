import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';
import { adminAs } from './admin-helpers';
import { ROLE_CODES } from '../src/security/roles';
import { APPLY_REQUIRED } from '../src/api/job-offer/apply-rule';

/**
 * Job offers: an offer past its `publishedUntil` leaves every list by itself (REST and GraphQL,
 * counts, relations, whatever the filters, variables or their defaults), yet the lookup of that
 * one offer (slug or documentId, as the site's page asks) finds it, marked expired and without its
 * contact. Drafts stay unreadable; no offer is published without a way to apply.
 */
const OFFER = 'api::job-offer.job-offer';
const MARK = `offertest${crypto.randomBytes(4).toString('hex')}`;
const DAY = 86_400_000;

let expired: { documentId: string; slug: string; organisation: string; jobSheet: string };
let open: { documentId: string; slug: string };
let draftSlug: string;
let headers: Record<string, Record<string, string>>;
const created: string[] = [];

async function createOffer(data: Record<string, unknown>, status: 'published' | 'draft' = 'published') {
  const { strapi } = await getApp();
  const entry: any = await strapi.documents(OFFER as any).create({ data, locale: 'en', status } as any);
  created.push(entry.documentId);
  return entry;
}

beforeAll(async () => {
  const { strapi } = await getApp();
  const org: any = await strapi.documents('api::organisation.organisation').findFirst({
    filters: { slug: 'framasoft' },
    locale: 'en',
    status: 'published',
  } as any);
  const sheet: any = await strapi.documents('api::job-sheet.job-sheet').findFirst({
    filters: { slug: 'ux-designer' },
    locale: 'en',
    status: 'published',
  } as any);
  const base = {
    contract: 'employment',
    country: 'FR',
    city: 'Lyon',
    workplace: 'hybrid',
    organisation: org.documentId,
    jobSheet: sheet.documentId,
    applyUrl: `https://jobs.example.org/${MARK}`,
    applyEmail: `${MARK}@example.org`,
  };
  const past = await createOffer({
    ...base,
    title: `Expired ${MARK}`,
    slug: `expired-${MARK}`,
    publishedUntil: new Date(Date.now() - DAY),
  });
  expired = {
    documentId: past.documentId,
    slug: `expired-${MARK}`,
    organisation: 'framasoft',
    jobSheet: 'ux-designer',
  };
  const future = await createOffer({
    ...base,
    title: `Open ${MARK}`,
    slug: `open-${MARK}`,
    publishedUntil: new Date(Date.now() + 10 * DAY),
  });
  open = { documentId: future.documentId, slug: `open-${MARK}` };
  draftSlug = `draft-${MARK}`;
  await createOffer(
    { ...base, title: `Draft ${MARK}`, slug: draftSlug, publishedUntil: new Date(Date.now() + 10 * DAY) },
    'draft',
  );
  const token = async (type: 'read-only' | 'full-access') =>
    (
      (await strapi
        .service('admin::api-token')
        .create({ name: `offers-${type}-${MARK}`, type, lifespan: null, description: '' })) as any
    ).accessKey as string;
  headers = {
    anonymous: {},
    readOnly: { authorization: `Bearer ${await token('read-only')}` },
    fullAccess: { authorization: `Bearer ${await token('full-access')}` },
  };
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const documentId of created) await strapi.documents(OFFER as any).delete({ documentId, locale: '*' } as any);
});

const slugsOf = (items: any[] | null | undefined) => (items ?? []).map((o) => o.slug);

async function rest(path: string, who: Record<string, string>) {
  const { url } = await getApp();
  const response = await fetch(`${url}/api${path}`, { headers: who });
  return { status: response.status, body: (await response.json()) as any };
}

describe('demo offers', () => {
  it('has at least 20 offers in all four languages, every contract, remote and hybrid, some expired', async () => {
    const { strapi } = await getApp();
    const rows: any[] = await strapi.db.query(OFFER as any).findMany({
      where: { publishedAt: { $notNull: true }, title: { $notContains: MARK } },
      select: ['documentId', 'locale', 'contract', 'workplace', 'publishedUntil', 'country', 'applyUrl', 'applyEmail'],
    });
    const byLocale = Object.fromEntries(
      LOCALES.map((l) => [l, new Set(rows.filter((r) => r.locale === l).map((r) => r.documentId))]),
    );
    expect(byLocale.en.size).toBeGreaterThanOrEqual(20);
    for (const locale of LOCALES) expect([...byLocale[locale]].sort()).toEqual([...byLocale.en].sort());
    expect(new Set(rows.map((r) => r.contract))).toEqual(
      new Set(['employment', 'internship', 'apprenticeship', 'volunteering', 'freelance']),
    );
    expect(rows.some((r) => r.workplace === 'remote')).toBe(true);
    expect(rows.some((r) => r.workplace === 'hybrid')).toBe(true);
    expect(rows.some((r) => new Date(r.publishedUntil).getTime() < Date.now())).toBe(true);
    for (const row of rows) {
      expect(row.country).toMatch(/^[A-Z]{2}$/);
      expect(Boolean(row.applyUrl || row.applyEmail)).toBe(true);
    }
  });
});

describe('expiry through GraphQL', () => {
  const LIST = `query($locale: I18NLocaleCode) { jobOffers(locale: $locale, pagination: { limit: 100 }) { slug isExpired publishedUntil } jobOffers_connection(locale: $locale) { pageInfo { total } } }`;

  it('lists open offers only, and counts them so', async () => {
    for (const who of Object.values(headers)) {
      const answer = await graphql(LIST, { locale: 'en' }, who);
      expect(answer.errors).toBeUndefined();
      const offers = nonEmpty(answer.data.jobOffers, 'jobOffers');
      expect(slugsOf(offers as any[])).toContain(open.slug);
      expect(slugsOf(offers as any[])).not.toContain(expired.slug);
      for (const offer of offers) {
        expect(offer.isExpired).toBe(false);
        expect(new Date(offer.publishedUntil).getTime()).toBeGreaterThan(Date.now());
      }
      expect(answer.data.jobOffers_connection.pageInfo.total).toBe(offers.length);
    }
    // Every demo locale too: an expired demo offer is in none of them.
    const { strapi } = await getApp();
    const expiredDemo: any[] = await strapi.db.query(OFFER as any).findMany({
      where: { publishedAt: { $notNull: true }, publishedUntil: { $lt: new Date() } },
      select: ['slug', 'locale'],
    });
    for (const locale of LOCALES) {
      const answer = await graphql(LIST, { locale });
      const listed = slugsOf(answer.data.jobOffers);
      for (const row of expiredDemo.filter((r) => r.locale === locale)) expect(listed).not.toContain(row.slug);
    }
  });

  it('no filter brings an expired offer back into a list: publishedUntil, or/not, in, contains, with other fields', async () => {
    const past = new Date(Date.now() - 30 * DAY).toISOString();
    const now = new Date().toISOString();
    const filters = [
      { publishedUntil: { lt: now } },
      { publishedUntil: { between: [past, now] } },
      { not: { publishedUntil: { gt: now } } },
      { or: [{ slug: { eq: expired.slug } }, { slug: { eq: expired.slug } }] },
      { and: [{ slug: { eq: expired.slug } }] },
      { slug: { in: [expired.slug] } },
      { slug: { contains: MARK } },
      { slug: { eq: expired.slug }, contract: { eq: 'employment' } },
      { organisation: { slug: { eq: 'framasoft' } } },
    ];
    for (const filter of filters) {
      const answer = await graphql(
        `
          query ($f: JobOfferFiltersInput) {
            jobOffers(filters: $f, locale: "en") {
              slug
            }
            jobOffers_connection(filters: $f, locale: "en") {
              pageInfo {
                total
              }
            }
          }
        `,
        { f: filter },
      );
      expect(answer.errors, JSON.stringify(filter)).toBeUndefined();
      expect(slugsOf(answer.data.jobOffers), JSON.stringify(filter)).not.toContain(expired.slug);
      expect(answer.data.jobOffers_connection.pageInfo.total).toBe(answer.data.jobOffers.length);
    }
    // In the query text, and as a variable's default value.
    const inline = await graphql(`{ jobOffers(filters: { publishedUntil: { lt: "${now}" } }) { slug } }`);
    expect(inline.data.jobOffers).toEqual([]);
    const byDefault = await graphql(
      `query($f: JobOfferFiltersInput = { publishedUntil: { lt: "${now}" } }) { jobOffers(filters: $f) { slug } }`,
    );
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data.jobOffers).toEqual([]);
    const sorted = await graphql(`
      {
        jobOffers(sort: "publishedUntil:asc", pagination: { limit: 100 }) {
          slug
        }
      }
    `);
    expect(slugsOf(sorted.data.jobOffers)).not.toContain(expired.slug);
  });

  it("an organisation's and a job sheet's offers are open ones, also as a variable's default", async () => {
    const answer = await graphql(
      `query($org: String = "${expired.organisation}", $sheet: String = "${expired.jobSheet}") {
        organisations(filters: { slug: { eq: $org } }, locale: "en") { jobOffers(pagination: { limit: 100 }) { slug } }
        jobSheets(filters: { slug: { eq: $sheet } }, locale: "en") { jobOffers(pagination: { limit: 100 }) { slug } }
        competences(locale: "en") { code }
      }`,
    );
    expect(answer.errors).toBeUndefined();
    const [org] = nonEmpty(answer.data.organisations);
    expect(slugsOf(org.jobOffers)).toContain(open.slug);
    expect(slugsOf(org.jobOffers)).not.toContain(expired.slug);
    const [sheet] = nonEmpty(answer.data.jobSheets);
    expect(slugsOf(sheet.jobOffers)).toContain(open.slug);
    expect(slugsOf(sheet.jobOffers)).not.toContain(expired.slug);
    // From an open offer to its job sheet and back: still open ones only.
    const around = await graphql(
      `
        query ($slug: String!) {
          jobOffers(filters: { slug: { eq: $slug } }) {
            jobSheet {
              jobOffers {
                slug
              }
            }
            organisation {
              jobOffers {
                slug
              }
            }
          }
        }
      `,
      { slug: open.slug },
    );
    const [offer] = nonEmpty(around.data.jobOffers);
    expect(slugsOf(offer.jobSheet.jobOffers)).not.toContain(expired.slug);
    expect(slugsOf(offer.organisation.jobOffers)).not.toContain(expired.slug);
  });

  it('the lookup of one expired offer finds it, marked expired, without its contact', async () => {
    const fields = `slug title isExpired applyUrl applyEmail organisation { slug } jobSheet { slug }`;
    for (const who of Object.values(headers)) {
      const bySlug = await graphql(
        `query($slug: String!) { jobOffers(filters: { slug: { eq: $slug } }, locale: "en") { ${fields} } }`,
        { slug: expired.slug },
        who,
      );
      expect(bySlug.errors).toBeUndefined();
      expect(bySlug.data.jobOffers).toEqual([
        expect.objectContaining({
          slug: expired.slug,
          isExpired: true,
          applyUrl: null,
          applyEmail: null,
          organisation: { slug: 'framasoft' },
        }),
      ]);
      const byId = await graphql(
        `query($id: ID!) { jobOffer(documentId: $id, locale: "en") { ${fields} } }`,
        { id: expired.documentId },
        who,
      );
      expect(byId.data.jobOffer).toMatchObject({
        slug: expired.slug,
        isExpired: true,
        applyUrl: null,
        applyEmail: null,
      });
    }
    // A demo offer closed at seed time: found alone with its other languages (the page's switcher).
    const demo = await graphql(`
      {
        jobOffers(filters: { slug: { eq: "internship-ux-designer-waag-futurelab" } }, locale: "en") {
          isExpired
          applyUrl
          localizations {
            locale
            slug
            isExpired
            applyEmail
          }
        }
      }
    `);
    expect(demo.errors).toBeUndefined();
    const [closed] = nonEmpty(demo.data.jobOffers);
    expect(closed).toMatchObject({ isExpired: true, applyUrl: null });
    expect(closed.localizations.map((l: any) => l.locale).sort()).toEqual(['es', 'fr', 'it']);
    for (const l of closed.localizations) expect(l).toMatchObject({ isExpired: true, applyEmail: null });
    const stillOpen = await graphql(
      `
        query ($id: ID!) {
          jobOffer(documentId: $id) {
            isExpired
            applyUrl
            applyEmail
          }
        }
      `,
      {
        id: open.documentId,
      },
    );
    expect(stillOpen.data.jobOffer).toEqual({
      isExpired: false,
      applyUrl: `https://jobs.example.org/${MARK}`,
      applyEmail: `${MARK}@example.org`,
    });
  });

  it('a draft offer is not readable, by lookup or by asking for drafts', async () => {
    const lookup = await graphql(
      `
        query ($slug: String!) {
          jobOffers(filters: { slug: { eq: $slug } }) {
            slug
          }
        }
      `,
      {
        slug: draftSlug,
      },
    );
    expect(lookup.data.jobOffers).toEqual([]);
    const drafts = await graphql(`
      {
        jobOffers(status: DRAFT) {
          slug
        }
      }
    `);
    expect(drafts.errors?.[0]?.message).toMatch(/Drafts are not available/);
    const byDefault = await graphql(`
      query ($s: PublicationStatus = DRAFT) {
        jobOffers(status: $s) {
          slug
        }
      }
    `);
    expect(JSON.stringify(byDefault.data?.jobOffers ?? [])).not.toContain(draftSlug);
  });
});

describe('expiry through REST (API tokens)', () => {
  it('lists open offers only; the lookup by documentId finds the expired one without its contact', async () => {
    for (const who of [headers.readOnly, headers.fullAccess]) {
      const list = await rest(`/job-offers?locale=en&pagination[pageSize]=100`, who);
      expect(list.status).toBe(200);
      expect(slugsOf(list.body.data)).toContain(open.slug);
      expect(slugsOf(list.body.data)).not.toContain(expired.slug);
      expect(list.body.meta.pagination.total).toBe(list.body.data.length);
      const filtered = await rest(
        `/job-offers?filters[publishedUntil][$lt]=${encodeURIComponent(new Date().toISOString())}&filters[slug][$eq]=${expired.slug}`,
        who,
      );
      expect(filtered.body.data).toEqual([]);
      const one = await rest(`/job-offers/${expired.documentId}?locale=en`, who);
      expect(one.status).toBe(200);
      expect(one.body.data).toMatchObject({ slug: expired.slug, applyUrl: null, applyEmail: null });
      const org = await rest(`/organisations?filters[slug][$eq]=framasoft&populate=jobOffers`, who);
      const offers = slugsOf(org.body.data[0].jobOffers);
      expect(offers).toContain(open.slug);
      expect(offers).not.toContain(expired.slug);
    }
  });

  it('the admin panel still lists expired offers for editors', async () => {
    const publisher = await adminAs(ROLE_CODES.publisher);
    const list = await publisher.cm('GET', OFFER, `?locale=en&pageSize=100&filters[slug][$eq]=${expired.slug}`);
    expect(list.status).toBe(200);
    expect(list.body.results.map((r: any) => r.slug)).toEqual([expired.slug]);
    expect(list.body.results[0].applyUrl).toBe(`https://jobs.example.org/${MARK}`);
  });
});

describe('how to apply', () => {
  it('refuses to publish an offer with neither a link nor an email, in the editor’s language, and changes nothing', async () => {
    const { strapi } = await getApp();
    const data = {
      title: `No contact ${MARK}`,
      slug: `no-contact-${MARK}`,
      contract: 'internship',
      country: 'IT',
      workplace: 'remote',
      publishedUntil: new Date(Date.now() + DAY),
    };
    await expect(
      strapi.documents(OFFER as any).create({ data, locale: 'en', status: 'published' } as any),
    ).rejects.toThrow(APPLY_REQUIRED.en);
    expect(await strapi.db.query(OFFER as any).count({ where: { slug: data.slug } })).toBe(0);
    for (const language of ['fr', 'it', 'es'] as const) {
      const editor = await adminAs(ROLE_CODES.publisher, language);
      const draft = await editor.cm('POST', OFFER, '?locale=en', { ...data, slug: `${data.slug}-${language}` });
      expect(draft.status).toBe(201);
      created.push(draft.body.data.documentId);
      const publish = await editor.cm('POST', OFFER, `/${draft.body.data.documentId}/actions/publish?locale=en`, {});
      expect(publish.status).toBe(400);
      expect(publish.body.error.message).toBe(APPLY_REQUIRED[language]);
      expect(
        await strapi.db
          .query(OFFER as any)
          .count({ where: { documentId: draft.body.data.documentId, publishedAt: { $notNull: true } } }),
      ).toBe(0);
    }
    const editor = await adminAs(ROLE_CODES.publisher, 'fr');
    const withEmail = await editor.cm('POST', OFFER, '?locale=en', {
      ...data,
      slug: `${data.slug}-ok`,
      applyEmail: `${MARK}@example.org`,
    });
    created.push(withEmail.body.data.documentId);
    const published = await editor.cm(
      'POST',
      OFFER,
      `/${withEmail.body.data.documentId}/actions/publish?locale=en`,
      {},
    );
    expect(published.status).toBe(200);
  });
});

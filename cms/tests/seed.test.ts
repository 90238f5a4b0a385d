import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';
import { loadFixtures } from '../src/seed/fixtures';
import { seedDemoContent } from '../src/seed';

const fixtures = loadFixtures(path.resolve(import.meta.dirname, '../data'));

/** The public GraphQL list field, the Strapi uid and the minimum the issue asks for. */
const TYPES = [
  { field: 'modules', uid: 'api::module.module', folder: 'modules', min: 20 },
  { field: 'jobSheets', uid: 'api::job-sheet.job-sheet', folder: 'job-sheets', min: 20 },
  { field: 'interviews', uid: 'api::interview.interview', folder: 'interviews', min: 20 },
  { field: 'competences', uid: 'api::competence.competence', folder: 'competences', min: 21 },
  { field: 'themes', uid: 'api::theme.theme', folder: 'themes', min: 8 },
  { field: 'audiences', uid: 'api::audience.audience', folder: 'audiences', min: 4 },
  { field: 'organisations', uid: 'api::organisation.organisation', folder: 'organisations', min: 60 },
  { field: 'trainingSessions', uid: 'api::training-session.training-session', folder: 'training-sessions', min: 12 },
  { field: 'webinars', uid: 'api::webinar.webinar', folder: 'webinars', min: 8 },
] as const;

async function publicCount(field: string, locale: string) {
  const { data, errors } = await graphql(
    `query($locale: I18NLocaleCode) { ${field}_connection(locale: $locale) { pageInfo { total } } }`,
    { locale },
  );
  expect(errors).toBeUndefined();
  return data[`${field}_connection`].pageInfo.total as number;
}

describe('demo content', () => {
  beforeAll(async () => {
    await getApp();
  });

  it.each(TYPES)(
    'has every $field in all four locales, published and reachable publicly',
    async ({ field, folder, min }) => {
      const expected = fixtures.collections[folder].length;
      expect(expected).toBeGreaterThanOrEqual(min);
      for (const locale of LOCALES) {
        expect(await publicCount(field, locale), `${field} in ${locale}`).toBe(expected);
      }
    },
  );

  it('has the 21 DigComp competences with their codes and areas in every locale', async () => {
    for (const locale of LOCALES) {
      const { data } = await graphql(
        `
          query ($l: I18NLocaleCode) {
            competences(locale: $l, pagination: { limit: 50 }, sort: "code") {
              code
              areaCode
              name
              areaName
            }
          }
        `,
        { l: locale },
      );
      expect(data.competences.map((c: any) => c.code)).toEqual([
        '1.1',
        '1.2',
        '1.3',
        '2.1',
        '2.2',
        '2.3',
        '2.4',
        '2.5',
        '2.6',
        '3.1',
        '3.2',
        '3.3',
        '3.4',
        '4.1',
        '4.2',
        '4.3',
        '4.4',
        '5.1',
        '5.2',
        '5.3',
        '5.4',
      ]);
      for (const c of nonEmpty(data.competences, 'competences')) expect(Number(c.code[0])).toBe(c.areaCode);
    }
    const names = await Promise.all(
      LOCALES.map(
        async (l) =>
          (await graphql(`{ competences(locale: "${l}", filters: { code: { eq: "1.1" } }) { name } }`)).data
            .competences[0].name,
      ),
    );
    expect(new Set(names).size).toBe(4); // translated, not copied
  });

  it('meets the content requirements of every module', async () => {
    for (const locale of LOCALES) {
      const { data, errors } = await graphql(
        `
          query ($l: I18NLocaleCode) {
            modules(locale: $l, pagination: { limit: 100 }) {
              title
              theory
              practicalCase
              referenceModel
              theme {
                documentId
              }
              audiences {
                documentId
              }
              competences {
                code
              }
              toolbox {
                name
                url
              }
            }
          }
        `,
        { l: locale },
      );
      expect(errors).toBeUndefined();
      for (const m of nonEmpty(data.modules, `modules in ${locale}`)) {
        expect(m.theory.length, m.title).toBeGreaterThan(200);
        expect(m.practicalCase.length, m.title).toBeGreaterThan(100);
        expect(m.referenceModel.length, m.title).toBeGreaterThan(50);
        expect(m.toolbox.length, m.title).toBeGreaterThanOrEqual(3);
        expect(m.competences.length, m.title).toBeGreaterThanOrEqual(2);
        expect(m.theme, m.title).not.toBeNull();
        expect(m.audiences.length, m.title).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('has organisations in at least 10 countries, with coordinates, including the four consortium partners', async () => {
    const { data } = await graphql(`
      {
        organisations(pagination: { limit: 100 }) {
          name
          country
          latitude
          longitude
          isConsortiumPartner
        }
      }
    `);
    expect(new Set(data.organisations.map((o: any) => o.country)).size).toBeGreaterThanOrEqual(10);
    for (const o of nonEmpty(data.organisations, 'organisations')) {
      expect(o.latitude, o.name).not.toBeNull();
      expect(o.longitude, o.name).not.toBeNull();
    }
    const partners = data.organisations
      .filter((o: any) => o.isConsortiumPartner)
      .map((o: any) => o.name)
      .join(' | ');
    for (const name of [/Social Good Accelerator/i, /Pour La Solidarit/i, /EGInA/i, /Esplai/i])
      expect(partners).toMatch(name);
  });

  it('has past and upcoming sessions, online and in person, in each teaching language, one of them full', async () => {
    const { data } = await graphql(`
      {
        trainingSessions(pagination: { limit: 100 }) {
          title
          startsAt
          format
          teachingLanguage
          capacity
          placesLeft
          registrationState
        }
      }
    `);
    const now = Date.now();
    const sessions = data.trainingSessions;
    expect(sessions.filter((s: any) => new Date(s.startsAt).getTime() < now).length).toBeGreaterThanOrEqual(1);
    expect(sessions.filter((s: any) => new Date(s.startsAt).getTime() > now).length).toBeGreaterThanOrEqual(1);
    expect(new Set(sessions.map((s: any) => s.format))).toEqual(new Set(['online', 'in_person', 'hybrid']));
    expect(new Set(sessions.map((s: any) => s.teachingLanguage))).toEqual(new Set(LOCALES));
    const full = sessions.filter((s: any) => s.placesLeft === 0 && new Date(s.startsAt).getTime() > now);
    expect(full.length).toBe(1);
    expect(full[0].registrationState).toBe('waitlist');
    expect(sessions.some((s: any) => s.registrationState === 'past')).toBe(true);
    expect(sessions.some((s: any) => s.registrationState === 'open')).toBe(true);
  });

  it('links every locale of an entry to the same entries', async () => {
    const query = `query($l: I18NLocaleCode) {
      modules(locale: $l, pagination: { limit: 100 }, sort: "documentId") { documentId theme { documentId } audiences { documentId } competences { documentId } authors { documentId } jobSheets { documentId } }
      jobSheets(locale: $l, pagination: { limit: 100 }, sort: "documentId") { documentId competences { documentId } relatedJobs { documentId } modules { documentId } interviews { documentId } }
      interviews(locale: $l, pagination: { limit: 100 }, sort: "documentId") { documentId organisation { documentId } jobSheet { documentId } }
      trainingSessions(locale: $l, pagination: { limit: 100 }, sort: "documentId") { documentId module { documentId } organiser { documentId } audiences { documentId } }
      organisations(locale: $l, pagination: { limit: 100 }, sort: "documentId") { documentId services { documentId } }
      home(locale: $l) { featuredModules { documentId } featuredJobSheets { documentId } featuredInterviews { documentId } }
    }`;
    const normalise = (value: any): any =>
      Array.isArray(value)
        ? value.map(normalise).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
          : value;
    const [en, ...others] = await Promise.all(LOCALES.map(async (l) => normalise((await graphql(query, { l })).data)));
    expect(en.modules.length).toBeGreaterThan(0);
    expect(en.modules.every((m: any) => m.competences.length >= 2)).toBe(true);
    expect(en.jobSheets.some((j: any) => j.relatedJobs.length > 0)).toBe(true);
    for (const other of others) expect(other).toEqual(en);
  });

  it('is idempotent: seeding again creates nothing and changes nothing', async () => {
    const { strapi } = await getApp();
    const snapshot = async () =>
      Promise.all(
        TYPES.map(async ({ uid }) => {
          const rows = await strapi.db
            .query(uid as any)
            .findMany({ select: ['id', 'documentId', 'locale', 'updatedAt', 'publishedAt'], orderBy: { id: 'asc' } });
          return rows.map(
            (r: any) =>
              `${r.id}:${r.documentId}:${r.locale}:${new Date(r.updatedAt).toISOString()}:${r.publishedAt ? 'p' : 'd'}`,
          );
        }),
      );
    const before = await snapshot();
    const report = await seedDemoContent(strapi);
    expect(report.created).toBe(0);
    expect(report.skipped).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';

/** Every public type answers in every locale, with its nested components in that locale. */
describe('GraphQL content per type and locale', () => {
  it.each(LOCALES)('serves modules in %s with toolbox, SEO and relations in the same locale', async (locale) => {
    const { data, errors } = await graphql(
      `
        query ($l: I18NLocaleCode) {
          modules(locale: $l, pagination: { limit: 100 }) {
            documentId
            locale
            title
            slug
            summary
            level
            durationHours
            licence
            theme {
              name
              locale
            }
            audiences {
              name
              locale
            }
            competences {
              code
              name
              locale
            }
            authors {
              name
              locale
            }
            jobSheets {
              title
              locale
            }
            toolbox {
              name
              url
              description
              isOpenSource
              licence
            }
            seo {
              metaTitle
              metaDescription
            }
          }
        }
      `,
      { l: locale },
    );
    expect(errors).toBeUndefined();
    for (const m of nonEmpty(data.modules, 'modules')) {
      expect(m.locale).toBe(locale);
      for (const related of [m.theme, ...m.audiences, ...m.competences, ...m.authors, ...m.jobSheets])
        expect(related.locale).toBe(locale);
      expect(
        nonEmpty(m.toolbox, `${m.title}'s toolbox`).every(
          (t: any) => t.name && /^https?:\/\//.test(t.url) && t.description,
        ),
      ).toBe(true);
      expect(m.seo.metaTitle).toBeTruthy();
      expect(m.licence).toBe('CC BY-SA 4.0');
    }
  });

  it.each(LOCALES)('serves job sheets in %s with missions, skills and competences', async (locale) => {
    const { data, errors } = await graphql(
      `
        query ($l: I18NLocaleCode) {
          jobSheets(locale: $l, pagination: { limit: 100 }) {
            title
            slug
            summary
            accessRoutes
            workContexts
            salaryRange
            escoUri
            iscoCode
            missions {
              text
            }
            skills {
              name
              kind
            }
            competences {
              code
            }
            relatedJobs {
              title
              locale
            }
            modules {
              title
              locale
            }
            interviews {
              title
              locale
            }
          }
        }
      `,
      { l: locale },
    );
    expect(errors).toBeUndefined();
    for (const j of nonEmpty(data.jobSheets, 'jobSheets')) {
      expect(j.missions.length, j.title).toBeGreaterThanOrEqual(3);
      expect(new Set(j.skills.map((s: any) => s.kind)), j.title).toEqual(new Set(['technical', 'transversal']));
      expect(j.competences.length, j.title).toBeGreaterThanOrEqual(1);
      if (j.escoUri) expect(j.escoUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/);
      for (const related of [...j.relatedJobs, ...j.modules, ...j.interviews]) expect(related.locale).toBe(locale);
    }
    expect(data.jobSheets.every((j: any) => j.interviews.length >= 1)).toBe(true);
  });

  it.each(LOCALES)('serves interviews in %s with their questions and answers', async (locale) => {
    const { data, errors } = await graphql(
      `
        query ($l: I18NLocaleCode) {
          interviews(locale: $l, pagination: { limit: 100 }) {
            title
            summary
            personName
            personRole
            isSamplePortrait
            country
            pullQuote
            body {
              question
              answer
            }
            jobSheet {
              title
            }
            organisation {
              name
            }
          }
        }
      `,
      { l: locale },
    );
    expect(errors).toBeUndefined();
    for (const i of nonEmpty(data.interviews, 'interviews')) {
      expect(i.isSamplePortrait).toBe(true);
      expect(i.body.length).toBeGreaterThanOrEqual(3);
      expect(i.jobSheet).not.toBeNull();
      expect(i.organisation).not.toBeNull();
    }
  });

  it.each(LOCALES)('serves organisations, sessions, taxonomies and single types in %s', async (locale) => {
    const { data, errors } = await graphql(
      `
        query ($l: I18NLocaleCode) {
          organisations(locale: $l, pagination: { limit: 5 }) {
            name
            slug
            description
            kind
            roles
            country
            city
            latitude
            longitude
            services {
              name
            }
          }
          trainingSessions(locale: $l, pagination: { limit: 100 }) {
            title
            slug
            description
            startsAt
            endsAt
            timezone
            teachingLanguage
            format
            venue
            hours
            capacity
            isFree
            price
            placesLeft
            registrationState
            module {
              title
            }
            organiser {
              name
            }
            audiences {
              name
            }
          }
          themes(locale: $l) {
            name
            slug
          }
          audiences(locale: $l) {
            name
            slug
            description
          }
          home(locale: $l) {
            heroTitle
            heroText
            intro
            featuredModules {
              title
            }
            featuredJobSheets {
              title
            }
            featuredInterviews {
              title
            }
            seo {
              metaTitle
            }
          }
          site(locale: $l) {
            tagline
            footerText
            contactEmail
            legalNotice
            privacyPolicy
            accessibilityStatement
          }
        }
      `,
      { l: locale },
    );
    expect(errors).toBeUndefined();
    expect(
      nonEmpty(data.organisations, 'organisations').every((o: any) => o.description && Array.isArray(o.roles)),
    ).toBe(true);
    expect(
      nonEmpty(data.trainingSessions, 'trainingSessions').every((s: any) =>
        ['not-open', 'open', 'waitlist', 'closed', 'past'].includes(s.registrationState),
      ),
    ).toBe(true);
    expect(data.home.heroTitle).toBeTruthy();
    expect(data.home.featuredModules.length).toBeGreaterThan(0);
    expect(data.site.privacyPolicy).toMatch(/12/);
    expect(data.site.accessibilityStatement.length).toBeGreaterThan(200);
  });

  it('returns a localized component in the requested locale, by documentId and by filters (strapi/strapi#26967)', async () => {
    const { data } = await graphql(`
      {
        modules(pagination: { limit: 1 }) {
          documentId
        }
      }
    `);
    const documentId = data.modules[0].documentId;
    const byLocale: Record<string, any> = {};
    for (const locale of LOCALES) {
      const byId = await graphql(
        `
          query ($id: ID!, $l: I18NLocaleCode) {
            module(documentId: $id, locale: $l) {
              slug
              toolbox {
                description
              }
              seo {
                metaTitle
              }
            }
          }
        `,
        { id: documentId, l: locale },
      );
      const byFilter = await graphql(
        `
          query ($slug: String!, $l: I18NLocaleCode) {
            modules(locale: $l, filters: { slug: { eq: $slug } }) {
              toolbox {
                description
              }
              seo {
                metaTitle
              }
            }
          }
        `,
        { slug: byId.data.module.slug, l: locale },
      );
      expect(byFilter.data.modules[0]).toEqual({ toolbox: byId.data.module.toolbox, seo: byId.data.module.seo });
      byLocale[locale] = byId.data.module;
    }
    const descriptions = LOCALES.map((l) => byLocale[l].toolbox[0].description);
    expect(new Set(descriptions).size).toBe(4);
    const titles = LOCALES.map((l) => byLocale[l].seo.metaTitle);
    expect(new Set(titles).size).toBe(4);
  });

  it('finds an entry by its translated slug in each locale', async () => {
    const { data } = await graphql(`
      {
        jobSheets(pagination: { limit: 1 }) {
          documentId
          localizations {
            locale
            slug
          }
        }
      }
    `);
    const entry = data.jobSheets[0];
    for (const { locale, slug } of nonEmpty(entry.localizations, 'localizations')) {
      const found = await graphql(
        `
          query ($s: String!, $l: I18NLocaleCode) {
            jobSheets(locale: $l, filters: { slug: { eq: $s } }) {
              documentId
              locale
            }
          }
        `,
        { s: slug, l: locale },
      );
      expect(found.data.jobSheets).toEqual([{ documentId: entry.documentId, locale }]);
    }
  });

  it('lists the three other locales in localizations, also when one response holds two locales of a document', async () => {
    const { data } = await graphql(`
      {
        jobSheets(pagination: { limit: 1 }) {
          slug
        }
      }
    `);
    const query = `query($s: String!) {
      en: jobSheets(locale: "en", filters: { slug: { eq: $s } }) { locale localizations { locale slug } }
      all: jobSheets(locale: "en", filters: { slug: { eq: $s } }) { localizations { locale localizations { locale } } }
    }`;
    const result = await graphql(query, { s: data.jobSheets[0].slug });
    expect(result.errors).toBeUndefined();
    const [en] = result.data.en;
    expect(en.localizations.map((l: any) => l.locale).sort()).toEqual(LOCALES.filter((l) => l !== 'en').sort());
    // fr, it and es of the same document, resolved together: each lists the three others.
    for (const localization of nonEmpty(result.data.all[0].localizations, 'localizations')) {
      const others = localization.localizations.map((l: any) => l.locale).sort();
      expect(others).toEqual(LOCALES.filter((l) => l !== localization.locale).sort());
    }
  });

  it('enforces unique slugs per type and locale in the database itself', async () => {
    const { strapi } = await getApp();
    const [row] = await strapi.db
      .connection('modules')
      .select('slug', 'locale', 'document_id')
      .whereNotNull('published_at')
      .limit(1);
    const insert = (locale: string) =>
      strapi.db.connection('modules').insert({
        document_id: 'zz-duplicate',
        slug: row.slug,
        locale,
        title: 'Duplicate',
        level: 'discovery',
        published_at: new Date(),
      });
    await expect(insert(row.locale)).rejects.toThrow(/unique|UNIQUE/);
    const other = row.locale === 'en' ? 'fr' : 'en';
    const [{ n }] = await strapi.db.connection('modules').count({ n: '*' }).where({ slug: row.slug, locale: other });
    if (Number(n) === 0) {
      await insert(other); // the same slug in another locale is allowed
      await strapi.db.connection('modules').where({ document_id: 'zz-duplicate' }).delete();
    }
  });
});

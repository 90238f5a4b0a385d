import { LOCALE_CODES, OPEN_DATA_SITE_PATHS, RESERVED_SLUGS, selfServiceUrl } from 'cms/site';
import { describe, expect, it } from 'vitest';
import {
  i18nPages,
  localizedPath,
  LOCALES,
  SECTIONS,
  selfServiceLocale,
  selfServicePath,
  STATIC_PAGES,
} from '#shared/routes';
import { isPageCached } from '#shared/page-cache';

describe('localized paths (docs/design.md table)', () => {
  it('gives each section its path in each language', () => {
    expect(LOCALES.map((l) => localizedPath(l, 'modules'))).toEqual([
      '/fr/modules',
      '/en/modules',
      '/it/moduli',
      '/es/modulos',
    ]);
    expect(LOCALES.map((l) => localizedPath(l, 'job-sheets'))).toEqual([
      '/fr/metiers',
      '/en/jobs',
      '/it/professioni',
      '/es/profesiones',
    ]);
    expect(LOCALES.map((l) => localizedPath(l, 'interviews'))).toEqual([
      '/fr/temoignages',
      '/en/interviews',
      '/it/interviste',
      '/es/entrevistas',
    ]);
    expect(LOCALES.map((l) => localizedPath(l, 'organisations'))).toEqual([
      '/fr/atlas',
      '/en/atlas',
      '/it/atlante',
      '/es/atlas',
    ]);
    expect(LOCALES.map((l) => localizedPath(l, 'training-sessions'))).toEqual([
      '/fr/formations',
      '/en/trainings',
      '/it/formazioni',
      '/es/formaciones',
    ]);
    expect(LOCALES.map((l) => localizedPath(l, 'competences'))).toEqual([
      '/fr/competences',
      '/en/competences',
      '/it/competenze',
      '/es/competencias',
    ]);
  });

  it('puts detail pages under their list, with the slug encoded', () => {
    expect(localizedPath('it', 'job-sheets', 'ux-designer')).toBe('/it/professioni/ux-designer');
    expect(localizedPath('fr', 'modules', 'a b')).toBe('/fr/modules/a%20b');
    expect(localizedPath('es', 'index')).toBe('/es');
  });

  it('feeds the router the same table, with [slug] for details', () => {
    const pages = i18nPages();
    expect(pages['modules-slug']).toEqual({
      fr: '/modules/[slug]',
      en: '/modules/[slug]',
      it: '/moduli/[slug]',
      es: '/modulos/[slug]',
    });
    expect(pages['training-sessions-past']).toEqual({
      fr: '/formations/archives',
      en: '/trainings/past',
      it: '/formazioni/archivio',
      es: '/formaciones/archivo',
    });
    expect(pages['legal-notice']?.fr).toBe('/mentions-legales');
    expect(pages['open-data']).toEqual({
      fr: '/donnees-ouvertes',
      en: '/open-data',
      it: '/dati-aperti',
      es: '/datos-abiertos',
    });
  });

  it("links the CMS's open-data files to the pages the site serves", () => {
    const site = { ...SECTIONS, ...STATIC_PAGES };
    const names = {
      organisations: 'organisations',
      trainings: 'training-sessions',
      modules: 'modules',
      jobs: 'job-sheets',
      openData: 'open-data',
    } as const;
    for (const [name, paths] of Object.entries(OPEN_DATA_SITE_PATHS))
      expect(paths, name).toEqual(site[names[name as keyof typeof names]]);
  });

  it('serves the self-service page of each language at the link the CMS mails in that language', () => {
    const token = 'C'.repeat(43);
    for (const locale of LOCALES) {
      // The link the CMS builds for a registrant in `locale`, as their mail carries it.
      const mailed = new URL(selfServiceUrl('https://site.example/', locale, token));
      expect(mailed.pathname, locale).toBe(selfServicePath(locale));
      expect(selfServiceLocale(mailed.pathname), locale).toBe(locale);
      expect(mailed.searchParams.get('token')).toBe(token);
    }
    expect(i18nPages()['self-service']).toEqual({
      fr: '/inscription',
      en: '/registration',
      it: '/iscrizione',
      es: '/inscripcion',
    });
    expect(selfServiceLocale('/it/iscrizione')).toBe('it');
    expect(selfServiceLocale('/it/registration')).toBeUndefined();
  });

  it("serves the Atlas's form at a segment no organisation slug can take", () => {
    expect(i18nPages()['organisations-add']).toEqual({
      fr: '/atlas/proposer',
      en: '/atlas/add',
      it: '/atlante/aggiungi',
      es: '/atlas/anadir',
    });
    for (const locale of LOCALES) {
      const [list, segment] = STATIC_PAGES['organisations-add'][locale].split('/');
      expect(list, locale).toBe(SECTIONS.organisations[locale]);
      expect(RESERVED_SLUGS['api::organisation.organisation'], locale).toContain(segment);
    }
    // Never in the page cache (a form token per response), so its outcome query is its own.
    expect(isPageCached('/fr/atlas/proposer?submitted=1')).toBe(false);
    expect(isPageCached('/fr/atlas/une-cooperative')).toBe(true);
  });

  it("serves the trainers' corner at its contract paths, its kit pages never from the page cache", () => {
    expect(i18nPages().trainers).toEqual({ fr: '/formateurs', en: '/trainers', it: '/formatori', es: '/formadores' });
    expect(i18nPages()['trainers-slug']!.it).toBe('/formatori/[slug]');
    // A kit's page carries the "I use this module" form: a form token per response.
    expect(isPageCached('/fr/formateurs/kit-du-formateur-x')).toBe(false);
    expect(isPageCached('/es/formadores/kit-para-formadores-x?used=1')).toBe(false);
    expect(isPageCached('/fr/formateurs')).toBe(true);
    expect(isPageCached('/fr/formateurs/a/b')).toBe(true);
  });

  it('has the languages of the CMS', () => {
    expect([...LOCALES].sort()).toEqual([...LOCALE_CODES].sort());
  });
});

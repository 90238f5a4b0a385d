import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { i18nPages, localizedPath, LOCALES, SELF_SERVICE_PATHS, selfServiceLocale } from '#shared/routes';

describe('localized paths (docs/design.md table)', () => {
  it('gives each section its path in each language', () => {
    expect(LOCALES.map((l) => localizedPath(l, 'modules'))).toEqual(['/fr/modules', '/en/modules', '/it/moduli', '/es/modulos']);
    expect(LOCALES.map((l) => localizedPath(l, 'jobs'))).toEqual(['/fr/metiers', '/en/jobs', '/it/professioni', '/es/profesiones']);
    expect(LOCALES.map((l) => localizedPath(l, 'interviews'))).toEqual(['/fr/temoignages', '/en/interviews', '/it/interviste', '/es/entrevistas']);
    expect(LOCALES.map((l) => localizedPath(l, 'atlas'))).toEqual(['/fr/atlas', '/en/atlas', '/it/atlante', '/es/atlas']);
    expect(LOCALES.map((l) => localizedPath(l, 'trainings'))).toEqual(['/fr/formations', '/en/trainings', '/it/formazioni', '/es/formaciones']);
    expect(LOCALES.map((l) => localizedPath(l, 'competences'))).toEqual(['/fr/competences', '/en/competences', '/it/competenze', '/es/competencias']);
  });

  it('puts detail pages under their list, with the slug encoded', () => {
    expect(localizedPath('it', 'jobs', 'ux-designer')).toBe('/it/professioni/ux-designer');
    expect(localizedPath('fr', 'modules', 'a b')).toBe('/fr/modules/a%20b');
    expect(localizedPath('es', 'index')).toBe('/es');
  });

  it('feeds the router the same table, with [slug] for details', () => {
    const pages = i18nPages();
    expect(pages['modules-slug']).toEqual({ fr: '/modules/[slug]', en: '/modules/[slug]', it: '/moduli/[slug]', es: '/modulos/[slug]' });
    expect(pages['trainings-past']).toEqual({ fr: '/formations/archives', en: '/trainings/past', it: '/formazioni/archivio', es: '/formaciones/archivo' });
    expect(pages['legal-notice']?.fr).toBe('/mentions-legales');
  });

  it('serves the self-service page at the paths the CMS puts in its mails', () => {
    // cms/src/api/registration/self-service-link.ts builds the mailed links: both tables must agree.
    const cms = readFileSync(new URL('../../../cms/src/api/registration/self-service-link.ts', import.meta.url), 'utf8');
    const table = /SELF_SERVICE_PATHS[^=]*=\s*\{([^}]*)\}/.exec(cms)![1]!;
    const mailed = Object.fromEntries([...table.matchAll(/(\w+):\s*'([^']+)'/g)].map((m) => [m[1], m[2]]));
    expect(mailed).toEqual({ ...SELF_SERVICE_PATHS });
    expect(i18nPages()['self-service']).toEqual({ fr: '/inscription', en: '/registration', it: '/iscrizione', es: '/inscripcion' });
    expect(selfServiceLocale('/it/iscrizione')).toBe('it');
    expect(selfServiceLocale('/it/registration')).toBeUndefined();
  });
});

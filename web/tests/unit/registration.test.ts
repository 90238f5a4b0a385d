import { describe, expect, it } from 'vitest';
import { sessionPagePath } from '../../layers/registration/shared/registration';

// Which posts the registration middleware takes: session pages only, in every language.
describe('sessionPagePath', () => {
  it('finds the locale and slug of a session page', () => {
    expect(sessionPagePath('/fr/formations/atelier-rgpd')).toEqual({ locale: 'fr', slug: 'atelier-rgpd' });
    expect(sessionPagePath('/it/formazioni/open-data-lab?registration=confirmed#registration')).toEqual({
      locale: 'it',
      slug: 'open-data-lab',
    });
    expect(sessionPagePath('/es/formaciones/taller/')).toEqual({ locale: 'es', slug: 'taller' });
  });
  it('leaves every other page alone: lists, the archive, other sections, another language’s path', () => {
    for (const path of [
      '/en/trainings',
      '/en/trainings/',
      '/en/trainings/past',
      '/fr/formations/archives',
      '/it/formazioni/archivio',
      '/es/formaciones/archivo',
      '/en/modules/x',
      '/fr/trainings/x',
      '/en/trainings/a/b',
      '/graphql',
    ]) {
      expect(sessionPagePath(path), path).toBeNull();
    }
  });
});

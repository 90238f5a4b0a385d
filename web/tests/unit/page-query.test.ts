import { describe, expect, it } from 'vitest';
import { LIST_FILTERS, selectionFromQuery } from '#shared/filters';
import { canonicalPageUrl, pageQuery, pageQueryParams } from '#shared/page-query';
import { pageFromQuery } from '#shared/pagination';
import { OUTCOME_PARAM, PLACES_PARAM } from '../../layers/registration/shared/registration';
import { LOCALES, localizedPath, selfServicePath } from '#shared/routes';

/** A query as Vue Router gives it to a page: a repeated parameter is an array. */
function routeQuery(search: string) {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [previous, value].flat();
  }
  return query;
}

describe('the query parameters a page reads (the page cache key)', () => {
  it('are the list’s filters on a list, the registration outcome on a session, the token on the self-service page, none elsewhere', () => {
    for (const locale of LOCALES) {
      expect(pageQueryParams(localizedPath(locale, 'modules'))).toEqual(LIST_FILTERS.modules);
      expect(pageQueryParams(localizedPath(locale, 'job-sheets'))).toEqual(LIST_FILTERS['job-sheets']);
      expect(pageQueryParams(localizedPath(locale, 'organisations'))).toEqual([
        ...LIST_FILTERS.organisations,
        'page',
        'view',
      ]);
      expect(pageQueryParams(localizedPath(locale, 'training-sessions'))).toEqual(LIST_FILTERS['training-sessions']);
      expect(pageQueryParams(`${localizedPath(locale, 'training-sessions-past')}/`)).toEqual(
        LIST_FILTERS['training-sessions'],
      );
      expect(pageQueryParams(localizedPath(locale, 'training-sessions', 'a-session'))).toEqual([
        OUTCOME_PARAM,
        PLACES_PARAM,
      ]);
      expect(pageQueryParams(selfServicePath(locale))).toEqual(['notice', 'token']);
      for (const path of [
        `/${locale}`,
        localizedPath(locale, 'interviews'),
        localizedPath(locale, 'modules', 'a-module'),
        localizedPath(locale, 'organisations', 'an-organisation'),
        localizedPath(locale, 'privacy'),
      ]) {
        expect(pageQueryParams(path), path).toEqual([]);
      }
    }
    expect(pageQueryParams('/de/modules')).toEqual([]);
    expect(pageQueryParams('/')).toEqual([]);
  });

  it('keep what the page reads and drop the rest', () => {
    expect(canonicalPageUrl('/en/jobs?utm_source=newsletter&fbclid=abc&x=0.123')).toBe('/en/jobs');
    expect(canonicalPageUrl('/en/jobs?competence=5.1&u=random')).toBe('/en/jobs?competence=5.1');
    // A parameter another page reads is noise here.
    expect(canonicalPageUrl('/en?competence=5.1&page=2&token=x&registration=confirmed')).toBe('/en');
    expect(canonicalPageUrl('/en/modules/a-module?level=advanced')).toBe('/en/modules/a-module');
    expect(canonicalPageUrl('/en/trainings/a-session?registration=confirmed&placesLeft=3&utm_medium=mail')).toBe(
      '/en/trainings/a-session?placesLeft=3&registration=confirmed',
    );
    expect(canonicalPageUrl('/en')).toBe('/en');
    expect(canonicalPageUrl('/en?')).toBe('/en');
  });

  it('write them in one order, once each, as the page reads them', () => {
    expect(canonicalPageUrl('/en/modules?theme=t1&level=advanced&u=1')).toBe(
      canonicalPageUrl('/en/modules?u=2&level=advanced&theme=t1'),
    );
    expect(canonicalPageUrl('/en/modules?level=advanced&level=discovery')).toBe('/en/modules?level=advanced');
    expect(canonicalPageUrl('/en/modules?level=&theme=+t1+')).toBe('/en/modules?theme=t1');
    // The page number as pageFromQuery reads it: 1, nonsense or too long is the first page.
    for (const [raw, canonical] of [
      ['1', '/en/atlas'],
      ['01', '/en/atlas'],
      ['abc', '/en/atlas'],
      ['1234567', '/en/atlas'],
      ['3', '/en/atlas?page=3'],
      ['003', '/en/atlas?page=3'],
    ] as const) {
      expect(canonicalPageUrl(`/en/atlas?page=${raw}`), raw).toBe(canonical);
      expect(pageFromQuery({ page: raw }), raw).toBe(
        Number(new URL(canonical, 'http://x').searchParams.get('page') ?? 1),
      );
    }
  });

  it('a page reads the same filters from the canonical query as from the original one', () => {
    for (const [list, search] of [
      ['modules', 'level=advanced&utm=1'],
      ['modules', 'theme=%20t1%20&level=&audience=a&audience=b'],
      ['job-sheets', 'competence=5.1&x=y+z'],
      ['organisations', 'country=IT&page=2&kind=coop'],
    ] as const) {
      const facets = LIST_FILTERS[list].map((name) => ({ name }));
      const path = localizedPath('fr', list);
      const canonical = routeQuery(pageQuery(path, search).toString());
      expect(selectionFromQuery(canonical, facets), search).toEqual(selectionFromQuery(routeQuery(search), facets));
      expect(pageFromQuery(canonical), search).toBe(pageFromQuery(routeQuery(search)));
    }
  });
});

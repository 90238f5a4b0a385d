import { describe, expect, it } from 'vitest';
import { textRuns } from '../../shared/search';
import { pageQueryParams } from '../../shared/page-query';
import { isPageCached } from '../../shared/page-cache';
import { i18nPages } from '../../shared/routes';

describe('search page', () => {
  it('cuts an excerpt into text runs at its highlights, ignoring offsets that do not fit', () => {
    const text = 'Le <b>RGPD</b> protège les données.';
    expect(textRuns(text, [{ start: 27, end: 34 }])).toEqual([
      { text: 'Le <b>RGPD</b> protège les ', marked: false },
      { text: 'données', marked: true },
      { text: '.', marked: false },
    ]);
    expect(
      textRuns('abc', [
        { start: 1, end: 9 },
        { start: 2, end: 1 },
      ]),
    ).toEqual([{ text: 'abc', marked: false }]);
    expect(
      textRuns('abcdef', [
        { start: 0, end: 3 },
        { start: 1, end: 4 },
      ]),
    ).toEqual([
      { text: 'abc', marked: true },
      { text: 'def', marked: false },
    ]);
  });

  it('has its localized paths, reads q, type and page, and is never cached', () => {
    expect(i18nPages().search).toEqual({ fr: '/recherche', en: '/search', it: '/cerca', es: '/buscar' });
    expect(pageQueryParams('/it/cerca')).toEqual(['page', 'q', 'type']);
    expect(isPageCached('/es/buscar?q=datos')).toBe(false);
    expect(isPageCached('/es/modulos')).toBe(true);
  });
});

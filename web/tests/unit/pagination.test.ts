import { describe, expect, it } from 'vitest';
import { pageFromQuery, pageWindow } from '#shared/pagination';

describe('paged lists', () => {
  it('reads the page from the URL, and falls back to the first for anything else', () => {
    expect(pageFromQuery({ page: '3' })).toBe(3);
    expect(pageFromQuery({ page: ['2', '5'] })).toBe(2);
    for (const page of [undefined, '', '0', '-2', '2.5', 'abc', '1e3', '99999999'])
      expect(pageFromQuery({ page }), String(page)).toBe(1);
  });

  it('shows the first and last pages, the neighbours of the current one, and gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]); // a gap of one page shows it
    expect(pageWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageWindow(3, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
    expect(pageWindow(12, 12)).toEqual([1, null, 11, 12]);
  });
});

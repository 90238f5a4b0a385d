import { describe, expect, it } from 'vitest';
import { applyFilters, facetCounts, selectionFromQuery, type Facet } from '#shared/filters';

interface Item {
  id: number;
  theme: string;
  audiences: string[];
}
const items: Item[] = [
  { id: 1, theme: 'data', audiences: ['students'] },
  { id: 2, theme: 'data', audiences: ['trainers', 'students'] },
  { id: 3, theme: 'ux', audiences: ['trainers'] },
];
const facets: Facet<Item>[] = [
  { name: 'theme', values: (i) => [i.theme] },
  { name: 'audience', values: (i) => i.audiences },
];

describe('list filters', () => {
  it('reads the selection from the query, ignoring unknown and empty values', () => {
    expect(selectionFromQuery({ theme: 'data', audience: '', other: 'x' }, facets)).toEqual({ theme: 'data' });
    expect(selectionFromQuery({ theme: ['ux', 'data'] }, facets)).toEqual({ theme: 'ux' });
  });

  it('keeps the items matching every selected facet', () => {
    expect(applyFilters(items, facets, { theme: 'data', audience: 'trainers' }).map((i) => i.id)).toEqual([2]);
    expect(applyFilters(items, facets, {}).length).toBe(3);
  });

  it('counts what each value would give with the other filters kept', () => {
    const counts = facetCounts(items, facets, { theme: 'data' });
    expect(Object.fromEntries(counts.theme!)).toEqual({ data: 2, ux: 1 });
    expect(Object.fromEntries(counts.audience!)).toEqual({ students: 2, trainers: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { listing } from '../../src/api/organisation/graphql/listing';

describe("the Atlas's listing", () => {
  const item = (documentId: string, country: string, kind: string, role: string[], service: string[]) => ({
    documentId,
    values: { country: [country], kind: [kind], role, service },
  });
  const items = [
    item('a', 'FR', 'cooperative', ['training'], ['t1']),
    item('b', 'FR', 'mutual', [], ['t2']),
    item('c', 'IT', 'cooperative', ['training', 'network'], []),
  ];

  it('counts each facet value as the list a reader would get by choosing it, the other filters staying', () => {
    const { ids, total, facets } = listing(items, { country: 'FR' }, 1, 24);
    expect(ids).toEqual(['a', 'b']);
    expect(total).toBe(2);
    const count = (facet: string, value: string) => facets.find((f) => f.facet === facet && f.value === value)?.count;
    expect(count('country', 'IT')).toBe(1); // choosing Italy instead of France
    expect(count('kind', 'cooperative')).toBe(1);
    expect(count('role', 'network')).toBe(0); // listed, with 0: the French ones have none
  });

  it('pages, and a page past the last one is empty', () => {
    expect(listing(items, {}, 2, 2)).toMatchObject({ ids: ['c'], pageCount: 2 });
    expect(listing(items, {}, 3, 2).ids).toEqual([]);
  });
});

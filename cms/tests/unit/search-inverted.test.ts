import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { InvertedIndex, type TermSpec } from '../../src/search/inverted';

/**
 * The embedded index keeps MiniSearch's scoring on compact postings: the same documents and
 * queries must give MiniSearch's scores, and removals (tombstones, then a vacuum) must leave the
 * index as if the removed documents had never been there.
 */
const tokenize = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const FIELDS = ['title', 'summary', 'body'] as const;
const BOOSTS = { title: 3, summary: 1.5, body: 1 };

const WORDS =
  'data protection officer privacy cooperative cooperatives platform digital skills training web accessible'.split(' ');
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
const documents = Array.from({ length: 300 }, (_, i) => ({
  id: `d${i}`,
  title: text(3),
  summary: text(10),
  body: i % 7 === 0 ? '' : text(40),
}));

const compact = (docs: typeof documents) => {
  const index = new InvertedIndex(3, (w) => w, tokenize);
  for (const d of docs) index.add(d.id, [d.title, d.summary, d.body], 0);
  return index;
};
const mini = (docs: typeof documents) => {
  const index = new MiniSearch({ fields: [...FIELDS], tokenize, searchOptions: { boost: BOOSTS } });
  index.addAll(docs);
  return index;
};

const QUERIES: TermSpec[][] = [
  [{ term: 'privacy', fuzzy: 0, prefix: false }],
  [{ term: 'cooperative', fuzzy: 1, prefix: false }],
  [{ term: 'platfrm', fuzzy: 1, prefix: false }],
  [
    { term: 'data', fuzzy: 0, prefix: false },
    { term: 'protect', fuzzy: 0, prefix: true },
  ],
  [
    { term: 'digital', fuzzy: 1, prefix: false },
    { term: 'skill', fuzzy: 1, prefix: true },
    { term: 'web', fuzzy: 0, prefix: false },
  ],
];

const ours = (index: InvertedIndex, query: TermSpec[]) => {
  const found = index.search(query, [3, 1.5, 1]);
  return new Map(found.ids.map((id, i) => [id, found.scores[i]]));
};
const theirs = (index: MiniSearch, query: TermSpec[]) =>
  new Map(
    index
      .search({
        combineWith: 'OR',
        queries: query.map((q) => ({ queries: [q.term], fuzzy: q.fuzzy || false, prefix: q.prefix })),
      })
      .map((r) => [String(r.id), r.score]),
  );

const expectSameScores = (a: Map<string, number>, b: Map<string, number>) => {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [id, score] of b) expect(a.get(id), id).toBeCloseTo(score, 9);
};

describe('the compact index', () => {
  it("scores as MiniSearch does: BM25+, field boosts, prefix and fuzzy weights, the query terms' count", () => {
    const a = compact(documents);
    const b = mini(documents);
    for (const query of QUERIES) expectSameScores(ours(a, query), theirs(b, query));
  });

  it('forgets removed documents at once, and their figures at the vacuum', () => {
    const index = compact(documents);
    const kept = documents.filter((_, i) => i % 3 !== 0);
    for (const [i, d] of documents.entries()) if (i % 3 === 0) expect(index.remove(d.id)).toBe(true);
    expect(index.size).toBe(kept.length);
    // Removed documents are never found; the document frequencies count them until a vacuum (it
    // runs once removals pass a tenth of the index), after which the scores are those of the rest.
    for (const query of QUERIES)
      expect([...ours(index, query).keys()].sort()).toEqual([...theirs(mini(kept), query).keys()].sort());
    index.vacuum();
    for (const query of QUERIES) expectSameScores(ours(index, query), theirs(mini(kept), query));
    // Added again under the same ids, then changed: found once, with the new text.
    for (const d of documents.filter((_, i) => i % 3 === 0)) index.add(d.id, [d.title, d.summary, d.body], 0);
    index.add('d0', ['unheard', '', ''], 0);
    expect(index.size).toBe(documents.length);
    expect(ours(index, [{ term: 'unheard', fuzzy: 0, prefix: false }])).toEqual(new Map([['d0', expect.any(Number)]]));
  });

  it('scores a part with the figures of the whole it belongs to', () => {
    const whole = compact(documents);
    const part = compact(documents.slice(0, 50));
    const query = QUERIES[3];
    const inWhole = ours(whole, query);
    const found = part.search(query, [3, 1.5, 1], whole);
    found.ids.forEach((id, i) => expect(found.scores[i], id).toBeCloseTo(inWhole.get(id)!, 9));
  });
});

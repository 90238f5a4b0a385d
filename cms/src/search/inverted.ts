import SearchableMap from 'minisearch/SearchableMap';

/**
 * The embedded provider's index of one locale: MiniSearch's model (its radix tree of terms, its
 * BM25+ scoring, its weights for prefix and fuzzy matches, its "quality" factor) with compact
 * postings, so that a query touching most of 12,500 documents per locale stays within a few
 * milliseconds and 50,000 documents fit in tens of megabytes.
 *
 * MiniSearch itself keeps a `Map` per term and field and builds a result object per matching
 * document; measured at 50,000 documents (docs/benchmarks.md#search) that was 3.5 minutes to build,
 * 365 MB and a p95 of 532 ms. Here: per term one `Uint32Array` of postings (document number ×
 * field, then the term's frequency in that field in the low 8 bits), the scores summed in a
 * `Float64Array` per search. The scores are MiniSearch's (same formula, same parameters), so the
 * relevance sets keep their results. A removed document is skipped at once and its postings
 * dropped in one pass once removals reach a tenth of the index (document frequencies count it
 * until then, as MiniSearch's do until it meets them).
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const TF_BITS = 8;
const TF_MAX = (1 << TF_BITS) - 1;
/** Source terms a query can have (a bit each, for the quality factor). */
export const MAX_SOURCE_TERMS = 32;

/** One term of a query as typed (MiniSearch's query spec). */
export interface TermSpec {
  term: string;
  /** Edits allowed (0: exact). */
  fuzzy: number;
  prefix: boolean;
}

/** Matching documents, in no order (the caller picks the page: sorting them all would cost more). */
export interface Matches {
  ids: string[];
  scores: Float64Array;
  tags: Uint8Array;
  /** Every indexed term the query matched (for highlighting). */
  terms: Set<string>;
}

export class InvertedIndex {
  /** Term → number: the radix tree for prefix and fuzzy lookups, a `Map` for exact ones (faster). */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly exact = new Map<string, number>();
  private readonly termNames: string[] = [];
  private postings: Uint32Array[] = [];
  private sizes: number[] = [];
  /** Documents per term and field (`term × fields + field`), removed ones counted until a vacuum. */
  private frequencies: number[] = [];
  private ids: Array<string | null> = [];
  private tags: number[] = [];
  private readonly numbers = new Map<string, number>();
  /** Distinct words per document and field (`document × fields + field`). */
  private lengths: number[] = [];
  private readonly totals: number[];
  private live = 0;
  private dead = 0;

  constructor(
    private readonly fieldCount: number,
    private readonly processTerm: (word: string) => string | string[] | null,
    private readonly tokenize: (text: string) => string[],
  ) {
    this.totals = new Array(fieldCount).fill(0);
  }

  get size() {
    return this.live;
  }

  has(id: string) {
    return this.numbers.has(id);
  }

  add(id: string, fields: string[], tag: number) {
    if (this.numbers.has(id)) this.remove(id);
    const doc = this.ids.length;
    if ((doc + 1) * this.fieldCount >= 2 ** (32 - TF_BITS)) this.vacuum();
    this.ids.push(id);
    this.tags.push(tag);
    this.numbers.set(id, doc);
    this.live++;
    for (let field = 0; field < this.fieldCount; field++) {
      const tokens = this.tokenize(fields[field] ?? '');
      const counts = new Map<string, number>();
      for (const token of tokens) {
        const processed = this.processTerm(token);
        if (processed === null) continue;
        if (typeof processed === 'string') counts.set(processed, (counts.get(processed) ?? 0) + 1);
        else for (const t of processed) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      const length = new Set(tokens).size;
      this.lengths[doc * this.fieldCount + field] = length;
      this.totals[field] += length;
      const key = (doc * this.fieldCount + field) << TF_BITS;
      for (const [t, count] of counts) this.append(this.termNumber(t), field, key | Math.min(count, TF_MAX));
    }
  }

  remove(id: string) {
    const doc = this.numbers.get(id);
    if (doc === undefined) return false;
    this.numbers.delete(id);
    this.ids[doc] = null;
    for (let field = 0; field < this.fieldCount; field++)
      this.totals[field] -= this.lengths[doc * this.fieldCount + field];
    this.live--;
    this.dead++;
    if (this.dead >= 64 && this.dead >= this.live / 10) this.vacuum();
    return true;
  }

  /** Gives back the room the postings grew into (after a full build: later additions grow again). */
  trim() {
    for (let t = 0; t < this.postings.length; t++)
      if (this.postings[t].length > this.sizes[t])
        this.postings[t] = this.postings[t].slice(0, Math.max(1, this.sizes[t]));
  }

  /** Drops removed documents' postings and numbers the documents left from 0 again. */
  vacuum() {
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const tags: number[] = [];
    const lengths: number[] = [];
    this.ids.forEach((id, doc) => {
      if (id === null) return;
      renumbered[doc] = ids.length;
      this.numbers.set(id, ids.length);
      ids.push(id);
      tags.push(this.tags[doc]);
      for (let field = 0; field < this.fieldCount; field++) lengths.push(this.lengths[doc * this.fieldCount + field]);
    });
    this.frequencies.fill(0);
    for (let t = 0; t < this.postings.length; t++) {
      const list = this.postings[t];
      let kept = 0;
      for (let i = 0; i < this.sizes[t]; i++) {
        const key = list[i] >>> TF_BITS;
        const doc = Math.floor(key / this.fieldCount);
        const now = renumbered[doc];
        if (now < 0) continue;
        const field = key - doc * this.fieldCount;
        list[kept++] = (((now * this.fieldCount + field) << TF_BITS) | (list[i] & TF_MAX)) >>> 0;
        this.frequencies[t * this.fieldCount + field]++;
      }
      this.sizes[t] = kept;
      if (kept < list.length / 4) this.postings[t] = list.slice(0, Math.max(4, kept));
    }
    this.ids = ids;
    this.tags = tags;
    this.lengths = lengths;
    this.dead = 0;
  }

  private termNumber(t: string) {
    let n = this.exact.get(t);
    if (n === undefined) {
      n = this.termNames.length;
      this.vocabulary.set(t, n);
      this.exact.set(t, n);
      this.termNames.push(t);
      this.postings.push(new Uint32Array(4));
      this.sizes.push(0);
      for (let field = 0; field < this.fieldCount; field++) this.frequencies.push(0);
    }
    return n;
  }

  private append(t: number, field: number, value: number) {
    let list = this.postings[t];
    const size = this.sizes[t];
    if (size === list.length) {
      const grown = new Uint32Array(size * 2);
      grown.set(list);
      this.postings[t] = list = grown;
    }
    list[size] = value >>> 0;
    this.sizes[t] = size + 1;
    this.frequencies[t * this.fieldCount + field]++;
  }

  /**
   * The documents matching any of the terms (OR), scored as MiniSearch scores them: per term, its
   * exact match, its prefix matches and its fuzzy matches (the weights fall with the distance),
   * BM25+ per field times the field's boost (0: the field is not searched), summed, then times
   * the number of query terms the document matched. `statistics`: the index whose document
   * count, document frequencies and field lengths the scores use (another, larger index this one
   * holds a part of: the scores are then those the larger index would give).
   */
  search(specs: TermSpec[], boosts: number[], statistics: InvertedIndex = this): Matches {
    const sources = [...new Map(specs.map((s) => [s.term, s])).values()].slice(0, MAX_SOURCE_TERMS);
    const count = this.ids.length;
    const scores = new Float64Array(count);
    const masks = new Uint32Array(count);
    const touched: number[] = [];
    const terms = new Set<string>();
    const { live, totals } = statistics;
    const averages = totals.map((total) => (live > 0 ? total / live : 0));
    const { fieldCount, ids, lengths } = this;
    const scan = (t: number, weight: number, bit: number) => {
      const name = this.termNames[t];
      terms.add(name);
      const s = statistics === this ? t : statistics.exact.get(name);
      const list = this.postings[t];
      const size = this.sizes[t];
      for (let i = 0; i < size; i++) {
        const key = list[i] >>> TF_BITS;
        const doc = (key / fieldCount) | 0;
        if (ids[doc] === null) continue;
        const field = key - doc * fieldCount;
        const boost = boosts[field];
        if (!boost) continue;
        const tf = list[i] & TF_MAX;
        const df = s === undefined ? 1 : statistics.frequencies[s * fieldCount + field];
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        const average = averages[field];
        const norm = average > 0 ? lengths[doc * fieldCount + field] / average : 0;
        const score = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + BM25.b * norm)));
        if (masks[doc] === 0) touched.push(doc);
        masks[doc] |= bit;
        scores[doc] += weight * boost * score;
      }
    };
    sources.forEach((spec, index) => {
      const bit = 2 ** index;
      const exact = this.exact.get(spec.term);
      if (exact !== undefined) scan(exact, 1, bit);
      const prefixed = new Set<string>();
      if (spec.prefix)
        for (const [t, n] of this.vocabulary.atPrefix(spec.term)) {
          const distance = t.length - spec.term.length;
          if (!distance) continue;
          prefixed.add(t);
          scan(n, (WEIGHTS.prefix * t.length) / (t.length + 0.3 * distance), bit);
        }
      if (spec.fuzzy > 0)
        for (const [t, [n, distance]] of this.vocabulary.fuzzyGet(spec.term, spec.fuzzy)) {
          if (!distance || prefixed.has(t)) continue;
          scan(n, (WEIGHTS.fuzzy * t.length) / (t.length + distance), bit);
        }
    });
    const found: Matches = {
      ids: new Array<string>(touched.length),
      scores: new Float64Array(touched.length),
      tags: new Uint8Array(touched.length),
      terms,
    };
    touched.forEach((doc, i) => {
      let mask = masks[doc];
      let quality = 0;
      while (mask) {
        quality += mask & 1;
        mask >>>= 1;
      }
      found.ids[i] = ids[doc]!;
      found.scores[i] = scores[doc] * quality;
      found.tags[i] = this.tags[doc];
    });
    return found;
  }
}

import type { Db } from '../database/knex';
import type { SearchDocument, SearchType } from './documents';
import {
  editDistance,
  queryTerms,
  type SearchHit,
  type SearchPage,
  type SearchProvider,
  type SearchQuery,
} from './provider';
import { excerpt, fold, FALLBACK_LOCALE, PG_CONFIGS, SEARCH_LOCALES, term, words, type SearchLocale } from './text';

/**
 * The PostgreSQL provider, for deployments whose content outgrows a process's memory: one table
 * shared by every replica (`search_entries`, a weighted `tsvector` per entry and locale, GIN
 * index), a text search configuration per language that folds accents (`unaccent`) before its
 * Snowball stemmer (`search_fr` …), and the words of the content (`search_words`) to forgive
 * typos: a query word of 5 letters or more also matches the indexed words one edit away. The last
 * word is a prefix (`:*`). Ranking: `ts_rank` (title A, summary B, body C).
 *
 * What keeps a search fast at 50,000 documents (docs/benchmarks.md#search):
 * - the typo expansion of every word, in both locales, is one statement, and the search one more
 *   (counts per type and the page together);
 * - the typo expansion is an equality lookup (SymSpell's deletions): `search_word_variants` holds
 *   each word of 4 letters or more and its one-letter deletions; two words one edit apart share
 *   one of these, so the query word's own variants, looked up in a btree, find every candidate
 *   (then checked by `editDistance`), where a `pg_trgm` similarity scan read far more words. The
 *   trigram index serves only the suggestions of a search that finds nothing;
 * - which rows a reader may see is in the `tsvector` itself: a row carries the lexeme
 *   `reader <locale>` for its own locale and, for an English row whose entry is not translated
 *   into a locale, `fallback <locale>` (a lexeme with a space: the parser never makes one). The GIN
 *   index then finds the rows of the reader's locale and the English fallbacks in one lookup, with
 *   no per-row check of the translations;
 * - `ts_rank` on the whole text runs on a bounded candidate set only: the CANDIDATES matching rows
 *   of best rank on their title and summary (a small second `tsvector`, `head`; a top-N, not a
 *   sort of every match) are ranked on their whole text; the rest follow in the first order, read
 *   only for a page that reaches past them;
 * - the long columns (body, the whole `tsvector`) live out of line (`toast_tuple_target`), so
 *   reading the matching rows reads little.
 */
export const DOCUMENTS_TABLE = 'search_entries';
export const WORDS_TABLE = 'search_words';
export const VARIANTS_TABLE = 'search_word_variants';
/** The table of the first version (no reader lexemes, no `head`), dropped: the index is rebuilt at start. */
const OLD_TABLE = 'search_documents';
const CANDIDATES = 200;
const OWN = 'to_tsquery(:ownConfig::regconfig, :own)';
const EN = 'to_tsquery(:enConfig::regconfig, :en)';
const config = (locale: SearchLocale) => `search_${locale}`;
const readerLexeme = (locale: SearchLocale) => `reader ${locale}`;
const fallbackLexeme = (locale: SearchLocale) => `fallback ${locale}`;
/** A `tsvector` or `tsquery` literal of lexemes given as they are (no parsing, no stemming). */
const literal = (lexemes: string[]) => lexemes.map((l) => `'${l.replace(/'/g, "''")}'`).join(' ');
/** A word one edit from a query word of 5 letters or more has 4 at least. */
const VARIANT_MIN_LENGTH = 4;
/**
 * The variants of the words in `source` (a table or a CTE with `locale` and `word`): each word of
 * 4 letters or more, and the word less one of its letters (PostgreSQL counts characters, as
 * `deletions` below counts code points).
 */
const variantsOf = (source: string) => `INSERT INTO ${VARIANTS_TABLE} (locale, variant, word)
  SELECT locale, word, word FROM ${source} WHERE length(word) >= ${VARIANT_MIN_LENGTH}
  UNION ALL
  SELECT locale, overlay(word PLACING '' FROM i FOR 1), word
  FROM ${source} CROSS JOIN LATERAL generate_series(1, length(word)) AS i WHERE length(word) >= ${VARIANT_MIN_LENGTH}
  ON CONFLICT DO NOTHING`;
/** A word and the word less one of its letters. */
function deletions(word: string): string[] {
  const letters = Array.from(word);
  return [...new Set([word, ...letters.map((_, i) => [...letters.slice(0, i), ...letters.slice(i + 1)].join(''))])];
}

export async function ensureSearchTables(db: Db) {
  await db.raw('CREATE EXTENSION IF NOT EXISTS unaccent');
  await db.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  for (const locale of SEARCH_LOCALES) {
    const { rows } = await db.raw('SELECT 1 FROM pg_ts_config WHERE cfgname = ?', [config(locale)]);
    if (rows.length > 0) continue;
    await db.raw(`CREATE TEXT SEARCH CONFIGURATION ${config(locale)} (COPY = ${PG_CONFIGS[locale]})`).catch(() => {});
    await db.raw(
      `ALTER TEXT SEARCH CONFIGURATION ${config(locale)} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${PG_CONFIGS[locale]}_stem`,
    );
  }
  await db.raw(`DROP TABLE IF EXISTS ${OLD_TABLE}`);
  await db.raw(`CREATE TABLE IF NOT EXISTS ${DOCUMENTS_TABLE} (
    id text PRIMARY KEY, type varchar(32) NOT NULL, document_id varchar(64) NOT NULL, locale varchar(8) NOT NULL,
    slug text NOT NULL, title text NOT NULL, summary text NOT NULL, body text NOT NULL,
    head tsvector NOT NULL, tsv tsvector NOT NULL) WITH (toast_tuple_target = 256)`);
  // The small `tsvector` every matching row is ranked on first stays in the row.
  await db.raw(`ALTER TABLE ${DOCUMENTS_TABLE} ALTER COLUMN head SET STORAGE MAIN`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${DOCUMENTS_TABLE}_tsv_idx ON ${DOCUMENTS_TABLE} USING gin (tsv)`);
  await db.raw(
    `CREATE INDEX IF NOT EXISTS ${DOCUMENTS_TABLE}_entry_idx ON ${DOCUMENTS_TABLE} (type, document_id, locale)`,
  );
  await db.raw(`CREATE TABLE IF NOT EXISTS ${WORDS_TABLE} (locale varchar(8) NOT NULL, word text NOT NULL,
    PRIMARY KEY (locale, word))`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${WORDS_TABLE}_trgm_idx ON ${WORDS_TABLE} USING gin (word gin_trgm_ops)`);
  const { rows } = await db.raw(`SELECT to_regclass(?) IS NOT NULL AS present`, [VARIANTS_TABLE]);
  if (!rows[0].present) {
    await db.raw(`CREATE TABLE IF NOT EXISTS ${VARIANTS_TABLE} (locale varchar(8) NOT NULL, variant text NOT NULL,
      word text NOT NULL, PRIMARY KEY (locale, variant, word))`);
    // The words indexed before this table existed.
    await db.raw(variantsOf(WORDS_TABLE));
  }
}

const BATCH = 200;

/** The reader lexemes of each document: its own locale, and for English the locales its entry lacks. */
function readers(documents: SearchDocument[]): Map<string, string[]> {
  const locales = new Map<string, Set<SearchLocale>>();
  for (const d of documents) {
    const entry = `${d.type}:${d.documentId}`;
    if (!locales.has(entry)) locales.set(entry, new Set());
    locales.get(entry)!.add(d.locale);
  }
  return new Map(
    documents.map((d) => {
      const own = locales.get(`${d.type}:${d.documentId}`)!;
      const lexemes = [readerLexeme(d.locale)];
      if (d.locale === FALLBACK_LOCALE)
        for (const locale of SEARCH_LOCALES) if (!own.has(locale)) lexemes.push(fallbackLexeme(locale));
      return [d.id, lexemes];
    }),
  );
}

async function insert(db: Db, documents: SearchDocument[]) {
  const tags = readers(documents);
  for (let i = 0; i < documents.length; i += BATCH) {
    const batch = documents.slice(i, i + BATCH);
    const values = batch.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?::regconfig, ?::tsvector)`);
    const bindings = batch.flatMap((d) => [
      d.id,
      d.type,
      d.documentId,
      d.locale,
      d.slug,
      d.title,
      d.summary,
      d.body,
      config(d.locale),
      literal(tags.get(d.id)!),
    ]);
    await db.raw(
      `INSERT INTO ${DOCUMENTS_TABLE} (id, type, document_id, locale, slug, title, summary, body, head, tsv)
       SELECT id, type, document_id, locale, slug, title, summary, body, head, head || setweight(to_tsvector(cfg, body), 'C') || tags
       FROM (SELECT *, setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), 'B') AS head
             FROM (VALUES ${values.join(', ')}) AS v (id, type, document_id, locale, slug, title, summary, body, cfg, tags)) AS s
       ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, summary = excluded.summary,
         body = excluded.body, head = excluded.head, tsv = excluded.tsv`,
      bindings,
    );
    const vocabulary = new Set<string>();
    for (const d of batch)
      for (const { word } of words(`${d.title} ${d.summary} ${d.body}`)) {
        const folded = fold(word);
        if (folded.length >= 3 && folded.length <= 40 && !/^\d+$/.test(folded))
          vocabulary.add(`${d.locale}\u0000${folded}`);
      }
    const pairs = [...vocabulary].map((v) => v.split('\u0000'));
    for (let j = 0; j < pairs.length; j += 1000) {
      const chunk = pairs.slice(j, j + 1000);
      // The words not indexed yet, and their variants.
      await db.raw(
        `WITH added AS (INSERT INTO ${WORDS_TABLE} (locale, word) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
           ON CONFLICT DO NOTHING RETURNING locale, word)
         ${variantsOf('added')}`,
        chunk.flat(),
      );
    }
  }
}

export async function createPostgresProvider(db: Db): Promise<SearchProvider> {
  await ensureSearchTables(db);

  /**
   * The query in each locale asked as a tsquery, with the indexed words one typo away (one
   * statement for all the words), and what to highlight.
   */
  async function tsqueries(text: string, locales: SearchLocale[]) {
    const parts = locales.map((locale) => queryTerms(text, locale));
    const asked = parts.flatMap((list, l) =>
      list.filter((p) => p.fuzzy).flatMap((p) => deletions(p.word).map((v) => [locales[l], p.word, v])),
    );
    const near = new Map<string, string[]>();
    if (asked.length > 0) {
      const { rows } = await db.raw(
        `SELECT DISTINCT q.locale, q.word, v.word AS near
         FROM unnest(?::text[], ?::text[], ?::text[]) AS q (locale, word, variant)
         JOIN ${VARIANTS_TABLE} v ON v.locale = q.locale AND v.variant = q.variant`,
        [asked.map((a) => a[0]), asked.map((a) => a[1]), asked.map((a) => a[2])],
      );
      for (const row of rows as Array<{ locale: string; word: string; near: string }>)
        if (row.near !== row.word && editDistance(row.near, row.word, 1) <= 1) {
          const key = `${row.locale}:${row.word}`;
          near.set(key, [...(near.get(key) ?? []), row.near]);
        }
    }
    return parts.map((list, l) => {
      const locale = locales[l];
      const stems = new Set<string>();
      const prefixes: string[] = [];
      const groups: string[] = [];
      for (const part of list) {
        const alternatives = new Set([part.word, ...(near.get(`${locale}:${part.word}`) ?? [])]);
        for (const alternative of alternatives) {
          const t = term(alternative, locale);
          if (t) stems.add(t);
        }
        if (part.prefix) prefixes.push(part.term);
        groups.push([...alternatives].map((a) => (part.prefix && a === part.word ? `${a}:*` : a)).join(' | '));
      }
      return {
        query: groups.map((g) => `(${g})`).join(' | '),
        matches: (t: string) => stems.has(t) || prefixes.some((p) => t.startsWith(p)),
      };
    });
  }

  return {
    name: 'postgres',
    async rebuild(documents) {
      await db.transaction(async (trx) => {
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [0x5ea5c4]);
        await trx.raw(`DELETE FROM ${DOCUMENTS_TABLE}`);
        await insert(trx, documents);
      });
    },
    async replace(type: SearchType, documentId: string, documents: SearchDocument[]) {
      await db.transaction(async (trx) => {
        await trx.raw(`DELETE FROM ${DOCUMENTS_TABLE} WHERE type = ? AND document_id = ?`, [type, documentId]);
        await insert(trx, documents);
      });
    },
    async search({ locale, query: text, types, page, pageSize }: SearchQuery): Promise<SearchPage> {
      const [own, english = own] = await tsqueries(
        text,
        locale === FALLBACK_LOCALE ? [locale] : [locale, FALLBACK_LOCALE],
      );
      if (!own.query && !english.query) return { total: 0, typeCounts: [], items: [], suggestions: [] };
      const none = 'zzzzzz';
      // One statement: the rows the reader may see that match (one GIN lookup: reader and fallback
      // lexemes with the query), their counts per type, and the page, ranked as said above.
      const wanted = types ?? null;
      type Row = SearchDocument & {
        kind: string;
        count: string | number;
        score: number;
        tier: number;
        document_id: string;
      };
      // The GIN index, always: the planner's estimate (a locale's share of the table) would choose
      // reading every row, which costs every row's whole `tsvector` read back from out of line.
      let rows: Row[] = [];
      await db.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        ({ rows } = await trx.raw(
          `WITH m AS MATERIALIZED (
           SELECT d.id, d.type, ts_rank(d.head, CASE WHEN d.locale = :locale THEN ${OWN} ELSE ${EN} END) AS quick
           FROM ${DOCUMENTS_TABLE} d
           WHERE d.tsv @@ ((:reader::tsquery && ${OWN}) || (:fallback::tsquery && ${EN}))),
         c AS (
           SELECT id, quick FROM m ${wanted ? 'WHERE type = ANY(:wanted)' : ''}
           ORDER BY quick DESC, id COLLATE "C" LIMIT ${CANDIDATES}),
         ranked AS (
           SELECT c.id, 1 AS tier, ts_rank(d.tsv, CASE WHEN d.locale = :locale THEN ${OWN} ELSE ${EN} END) AS score
           FROM c JOIN ${DOCUMENTS_TABLE} d ON d.id = c.id
           UNION ALL
           (SELECT id, 0, quick FROM m
            WHERE ${wanted ? 'type = ANY(:wanted) AND ' : ''}id NOT IN (SELECT id FROM c)
            ORDER BY quick DESC, id COLLATE "C" LIMIT :tail)),
         shown AS (SELECT * FROM ranked ORDER BY tier DESC, score DESC, id COLLATE "C" LIMIT :limit OFFSET :offset)
         SELECT 'count' AS kind, type, count(*) AS count, NULL AS id, NULL AS document_id, NULL AS locale,
                NULL AS slug, NULL AS title, NULL AS summary, NULL AS body, NULL::real AS score, NULL::int AS tier
         FROM m GROUP BY type
         UNION ALL
         SELECT 'hit', d.type, NULL, d.id, d.document_id, d.locale, d.slug, d.title, d.summary, d.body, s.score, s.tier
         FROM shown s JOIN ${DOCUMENTS_TABLE} d ON d.id = s.id`,
          {
            locale,
            ownConfig: config(locale),
            own: own.query || none,
            enConfig: config(FALLBACK_LOCALE),
            en: english.query || none,
            reader: literal([readerLexeme(locale)]),
            fallback: locale === FALLBACK_LOCALE ? literal([none]) : literal([fallbackLexeme(locale)]),
            ...(wanted ? { wanted } : {}),
            limit: pageSize,
            offset: (page - 1) * pageSize,
            // The rows past the candidates a page needs (none for the first pages).
            tail: Math.max(0, page * pageSize - CANDIDATES),
          },
        ));
      });
      const counts = rows.filter((r) => r.kind === 'count');
      const total = counts.filter((c) => !wanted || wanted.includes(c.type)).reduce((n, c) => n + Number(c.count), 0);
      const hits = rows
        .filter((r) => r.kind === 'hit')
        .sort((a, b) => b.tier - a.tier || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const items: SearchHit[] = hits.map((row) => {
        const matches = row.locale === locale ? own.matches : english.matches;
        const fromSummary = excerpt(row.summary, row.locale, matches);
        const fromBody =
          fromSummary.highlights.length === 0 && row.body ? excerpt(row.body, row.locale, matches) : null;
        const shown = fromBody && (fromBody.highlights.length > 0 || !row.summary) ? fromBody : fromSummary;
        return {
          type: row.type,
          documentId: row.document_id,
          locale: row.locale,
          fallback: row.locale !== locale,
          slug: row.slug,
          title: row.title,
          excerpt: shown.text,
          highlights: shown.highlights,
          score: Math.round(Number(row.score) * 1000) / 1000,
        };
      });
      let suggestions: string[] = [];
      if (counts.length === 0) {
        const found = new Set<string>();
        for (const part of queryTerms(text, locale)) {
          const { rows: near } = await db.raw(
            `SELECT word FROM ${WORDS_TABLE} WHERE locale = ? AND word % ? ORDER BY similarity(word, ?) DESC, word LIMIT 3`,
            [locale, part.word, part.word],
          );
          for (const { word } of near as Array<{ word: string }>) found.add(word);
        }
        suggestions = [...found].slice(0, 5);
      }
      return {
        total,
        typeCounts: counts.map((c) => ({ type: c.type, count: Number(c.count) })),
        items,
        suggestions,
      };
    },
    async size() {
      const { rows } = await db.raw(`SELECT count(*) AS n FROM ${DOCUMENTS_TABLE}`);
      return Number(rows[0].n);
    },
  };
}

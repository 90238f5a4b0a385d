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
 * shared by every replica (`search_documents`, a weighted `tsvector` per entry and locale, GIN
 * index), a text search configuration per language that folds accents (`unaccent`) before its
 * Snowball stemmer (`search_fr` …), and the words of the content (`search_words`, trigram index,
 * `pg_trgm`) to forgive typos: a query word of 5 letters or more also matches the indexed words
 * one edit away. The last word is a prefix (`:*`). Ranking: `ts_rank` (title A, summary B, body C).
 */
export const DOCUMENTS_TABLE = 'search_documents';
export const WORDS_TABLE = 'search_words';
const config = (locale: SearchLocale) => `search_${locale}`;

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
  await db.raw(`CREATE TABLE IF NOT EXISTS ${DOCUMENTS_TABLE} (
    id text PRIMARY KEY, type varchar(32) NOT NULL, document_id varchar(64) NOT NULL, locale varchar(8) NOT NULL,
    slug text NOT NULL, title text NOT NULL, summary text NOT NULL, body text NOT NULL, tsv tsvector NOT NULL)`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${DOCUMENTS_TABLE}_tsv_idx ON ${DOCUMENTS_TABLE} USING gin (tsv)`);
  await db.raw(
    `CREATE INDEX IF NOT EXISTS ${DOCUMENTS_TABLE}_entry_idx ON ${DOCUMENTS_TABLE} (type, document_id, locale)`,
  );
  await db.raw(`CREATE TABLE IF NOT EXISTS ${WORDS_TABLE} (locale varchar(8) NOT NULL, word text NOT NULL,
    PRIMARY KEY (locale, word))`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${WORDS_TABLE}_trgm_idx ON ${WORDS_TABLE} USING gin (word gin_trgm_ops)`);
}

const BATCH = 200;

async function insert(db: Db, documents: SearchDocument[]) {
  for (let i = 0; i < documents.length; i += BATCH) {
    const batch = documents.slice(i, i + BATCH);
    const values = batch.map(
      () => `(?, ?, ?, ?, ?, ?, ?, ?, setweight(to_tsvector(?::regconfig, ?), 'A') ||
      setweight(to_tsvector(?::regconfig, ?), 'B') || setweight(to_tsvector(?::regconfig, ?), 'C'))`,
    );
    const bindings = batch.flatMap((d) => {
      const cfg = config(d.locale);
      return [
        d.id,
        d.type,
        d.documentId,
        d.locale,
        d.slug,
        d.title,
        d.summary,
        d.body,
        cfg,
        d.title,
        cfg,
        d.summary,
        cfg,
        d.body,
      ];
    });
    await db.raw(
      `INSERT INTO ${DOCUMENTS_TABLE} (id, type, document_id, locale, slug, title, summary, body, tsv) VALUES ${values.join(', ')}
       ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, summary = excluded.summary,
         body = excluded.body, tsv = excluded.tsv`,
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
      await db.raw(
        `INSERT INTO ${WORDS_TABLE} (locale, word) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        chunk.flat(),
      );
    }
  }
}

export async function createPostgresProvider(db: Db): Promise<SearchProvider> {
  await ensureSearchTables(db);

  /** A tsquery of the query in a locale, with the words one typo away, and what to highlight. */
  async function tsquery(locale: SearchLocale, text: string) {
    const parts = queryTerms(text, locale);
    const stems = new Set<string>();
    const prefixes: string[] = [];
    const groups: string[] = [];
    for (const part of parts) {
      const alternatives = new Set([part.word]);
      if (part.fuzzy) {
        const { rows } = await db.raw(
          `SELECT word FROM ${WORDS_TABLE} WHERE locale = ? AND word % ? AND abs(length(word) - ?) <= 1 LIMIT 50`,
          [locale, part.word, part.word.length],
        );
        for (const { word } of rows as Array<{ word: string }>)
          if (editDistance(word, part.word, 1) <= 1) alternatives.add(word);
      }
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
      const own = await tsquery(locale, text);
      const english = locale === FALLBACK_LOCALE ? own : await tsquery(FALLBACK_LOCALE, text);
      if (!own.query && !english.query) return { total: 0, typeCounts: [], items: [], suggestions: [] };
      const hits = `WITH q AS (SELECT to_tsquery(?::regconfig, ?) AS own, to_tsquery(?::regconfig, ?) AS en),
        hits AS (
          SELECT d.id, d.type, ts_rank(d.tsv, CASE WHEN d.locale = ? THEN q.own ELSE q.en END) AS score
          FROM ${DOCUMENTS_TABLE} d, q
          WHERE (d.locale = ? AND d.tsv @@ q.own)
             OR (? <> ? AND d.locale = ? AND d.tsv @@ q.en AND NOT EXISTS (
                  SELECT 1 FROM ${DOCUMENTS_TABLE} t WHERE t.type = d.type AND t.document_id = d.document_id AND t.locale = ?)))`;
      const bindings = [
        config(locale),
        own.query || 'zzzzzz',
        config(FALLBACK_LOCALE),
        english.query || 'zzzzzz',
        locale,
        locale,
        locale,
        FALLBACK_LOCALE,
        FALLBACK_LOCALE,
        locale,
      ];
      const counts: Array<{ type: SearchType; count: string | number }> = (
        await db.raw(`${hits} SELECT type, count(*) AS count FROM hits GROUP BY type`, bindings)
      ).rows;
      const wanted = types ?? null;
      const total = counts.filter((c) => !wanted || wanted.includes(c.type)).reduce((n, c) => n + Number(c.count), 0);
      const rows: Array<SearchDocument & { score: number; document_id: string }> = (
        await db.raw(
          `${hits} SELECT d.id, d.type, d.document_id, d.locale, d.slug, d.title, d.summary, d.body, h.score
           FROM hits h JOIN ${DOCUMENTS_TABLE} d ON d.id = h.id
           ${wanted ? 'WHERE h.type = ANY(?)' : ''}
           ORDER BY h.score DESC, h.id LIMIT ? OFFSET ?`,
          [...bindings, ...(wanted ? [wanted] : []), pageSize, (page - 1) * pageSize],
        )
      ).rows;
      const items: SearchHit[] = rows.map((row) => {
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

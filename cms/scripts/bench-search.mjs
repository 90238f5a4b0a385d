// Benchmark (not a test): the search query of both providers (src/search/), with the demo content
// and with 50,000 generated documents (12,500 entries in 4 locales): index build time, memory,
// p50/p95 latency of the relevance sets' queries (tests/search/relevance.*.json) and, as the
// baseline of the same run, a plain scan of every document's folded text for the query's words.
// The embedded provider (src/search/inverted.ts: MiniSearch's scoring on compact postings) can be
// compared with Orama (@orama/orama with the same stemmers), the other in-process index considered,
// with BENCH_SEARCH_ORAMA=1 (minutes at 50,000 documents). The PostgreSQL provider runs when
// TEST_DATABASE_URL is set (a throwaway database on that server); `BENCH_SEARCH_DOCS` changes the
// generated count. The load average is printed with the table: read the ratios to the baselines.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bootStrapi } from './lib/boot.mjs';
import { withThrowawayPostgres } from './lib/throwaway-postgres.mjs';
import { cmsDir } from './env.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const GENERATED = Number(process.env.BENCH_SEARCH_DOCS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
const ORAMA = process.env.BENCH_SEARCH_ORAMA === '1';
const LOCALES = ['fr', 'en', 'it', 'es'];

const queries = LOCALES.flatMap((locale) =>
  JSON.parse(readFileSync(join(cmsDir, 'tests', 'search', `relevance.${locale}.json`), 'utf8')).map((c) => ({
    locale,
    query: c.query,
  })),
);

/** The heap and the memory outside it (typed arrays' buffers), after a GC. */
const heap = () => {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function latencies(search) {
  for (const q of queries) await search(q); // warm-up
  const times = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const q of queries) {
      const started = process.hrtime.bigint();
      await search(q);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length };
}

/** Entries made from the demo's words: each a title of 4-8 words and a body of 80-200, per locale. */
function generate(documents, count) {
  const words = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      documents
        .filter((d) => d.locale === locale)
        .flatMap((d) => `${d.title} ${d.summary} ${d.body}`.split(/\s+/))
        .filter((w) => /^[\p{L}\p{N}'’-]{2,}$/u.test(w)),
    ]),
  );
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (locale, n) =>
    Array.from({ length: n }, () => words[locale][Math.floor(random() * words[locale].length)]).join(' ');
  const types = ['module', 'jobSheet', 'interview', 'organisation', 'trainingSession', 'competence'];
  const generated = [];
  for (let i = 0; generated.length < count; i++) {
    const type = types[i % types.length];
    for (const locale of LOCALES)
      generated.push({
        id: `${type}:gen${i}:${locale}`,
        type,
        documentId: `gen${i}`,
        locale,
        slug: `generated-${i}`,
        title: pick(locale, 4 + Math.floor(random() * 5)),
        summary: pick(locale, 20 + Math.floor(random() * 20)),
        body: pick(locale, 80 + Math.floor(random() * 120)),
      });
  }
  return generated.slice(0, count);
}

async function run(strapi, pgDb) {
  const require = createRequire(import.meta.url);
  const { readAllPublished } = require('../dist/src/search/search.js');
  const { createEmbeddedProvider } = require('../dist/src/search/embedded.js');
  const { createPostgresProvider } = require('../dist/src/search/postgres.js');
  const { fold } = require('../dist/src/search/text.js');
  const { create, insertMultiple, search: oramaSearch } = await import('@orama/orama');
  const stemmers = {
    fr: require('@orama/stemmers/french').stemmer,
    en: require('@orama/stemmers/english').stemmer,
    it: require('@orama/stemmers/italian').stemmer,
    es: require('@orama/stemmers/spanish').stemmer,
  };
  const LANGUAGES = { fr: 'french', en: 'english', it: 'italian', es: 'spanish' };

  const demo = await readAllPublished(strapi);
  const rows = [];
  for (const [label, documents] of [
    [`demo content (${demo.length} documents)`, demo],
    [`${GENERATED.toLocaleString('en')} generated documents`, [...demo, ...generate(demo, GENERATED)]],
  ]) {
    // Baseline: every document's folded text scanned for the query's words (no index).
    const folded = documents.map((d) => ({ locale: d.locale, text: fold(`${d.title} ${d.summary} ${d.body}`) }));
    const scan = await latencies(async ({ locale, query }) => {
      const wanted = fold(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 2);
      let found = 0;
      for (const d of folded) if (d.locale === locale && wanted.some((w) => d.text.includes(w))) found++;
      return found;
    });
    rows.push({ label, provider: 'baseline: scan of the folded text', build: 0, memory: 0, ...scan });
    console.log(JSON.stringify(rows.at(-1)));

    const before = heap();
    let started = performance.now();
    const embedded = createEmbeddedProvider();
    await embedded.rebuild(documents);
    const build = performance.now() - started;
    const memory = heap() - before;
    const page = (locale, query) => ({ locale, query, types: null, page: 1, pageSize: 10 });
    rows.push({
      label,
      provider: 'embedded (compact index)',
      build,
      memory,
      ...(await latencies(({ locale, query }) => embedded.search(page(locale, query)))),
    });

    console.log(JSON.stringify(rows.at(-1)));
    if (ORAMA) {
      const beforeOrama = heap();
      started = performance.now();
      const orama = {};
      for (const locale of LOCALES) {
        orama[locale] = create({
          schema: { title: 'string', summary: 'string', body: 'string' },
          components: { tokenizer: { language: LANGUAGES[locale], stemming: true, stemmer: stemmers[locale] } },
        });
        await insertMultiple(
          orama[locale],
          documents
            .filter((d) => d.locale === locale)
            .map((d) => ({ id: d.id, title: d.title, summary: d.summary, body: d.body })),
        );
      }
      const oramaBuild = performance.now() - started;
      const oramaMemory = heap() - beforeOrama;
      rows.push({
        label,
        provider: 'Orama 3 (tolerance 1, considered)',
        build: oramaBuild,
        memory: oramaMemory,
        ...(await latencies(({ locale, query }) =>
          oramaSearch(orama[locale], { term: query, tolerance: 1, limit: 10, boost: { title: 3, summary: 1.5 } }),
        )),
      });
      console.log(JSON.stringify(rows.at(-1)));
      for (const key of Object.keys(orama)) delete orama[key];
    }

    if (pgDb) {
      const provider = await createPostgresProvider(pgDb);
      started = performance.now();
      await provider.rebuild(documents);
      const pgBuild = performance.now() - started;
      const { rows: size } = await pgDb.raw(
        `SELECT pg_total_relation_size('search_entries') + pg_total_relation_size('search_words')
          + pg_total_relation_size('search_word_variants') AS bytes`,
      );
      const ping = await latencies(() => pgDb.raw('SELECT 1'));
      rows.push({ label, provider: 'baseline: PostgreSQL round trip (SELECT 1)', build: 0, memory: 0, ...ping });
      console.log(JSON.stringify(rows.at(-1)));
      rows.push({
        label,
        provider: 'postgres (tsvector + deletion variants)',
        build: pgBuild,
        memory: Number(size[0].bytes),
        memoryNote: 'on disk',
        ...(await latencies(({ locale, query }) => provider.search(page(locale, query)))),
      });
    }
  }

  console.log(
    `\nLoad average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  console.log(`\nSearch: ${queries.length} queries (the relevance sets, 4 languages) × ${ROUNDS} rounds each\n`);
  console.log('| documents | provider | index build | memory | p50 | p95 |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.provider} | ${r.build ? `${(r.build / 1000).toFixed(2)} s` : '–'} | ${
        r.memory ? `${(r.memory / 1024 / 1024).toFixed(1)} MB${r.memoryNote ? ` ${r.memoryNote}` : ''}` : '–'
      } | ${r.p50.toFixed(2)} ms | ${r.p95.toFixed(2)} ms |`,
    );
  return rows;
}

// The demo content as the CMS reads it (SQLite, throwaway); the PostgreSQL provider on a database of its own.
process.env.SITE_PURGE_URLS ??= ''; // no site listens: no purges
const { strapi } = await bootStrapi({ seed: 'first' });
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  await withThrowawayPostgres(adminUrl, 'academy_bench_search', async (url) => {
    // Strapi's own knex (the CMS does not depend on it directly).
    const from = (require, name) => createRequire(require.resolve(name));
    const strapiRequire = from(createRequire(import.meta.url), '@strapi/strapi');
    const knex = from(from(strapiRequire, '@strapi/core'), '@strapi/database')('knex');
    const db = knex({ client: 'pg', connection: url, pool: { min: 1, max: 4 } });
    try {
      await run(strapi, db);
    } finally {
      await db.destroy();
    }
  });
} else {
  console.log('[bench] TEST_DATABASE_URL is not set: the PostgreSQL provider is not measured.');
  await run(strapi, null);
}
await strapi.destroy();
process.exit(0);

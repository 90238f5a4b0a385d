// Benchmark (not a test): SQL statements and latency of the partners' module list query
// (theme, competences, audiences, authors) for 5 and 25 modules, with the relation batching of
// src/graphql/batch-relations.ts and, as the baseline in the same run, without it.
// Runs on a throwaway SQLite database, or on PostgreSQL with DATABASE_URL (it adds 5 modules).
import { createRequire } from 'node:module';
import { bootStrapi, countSqlStatements, ensureModules, MODULE_LIST_QUERY } from './lib/boot.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const { strapi, url, database } = await bootStrapi({ seed: 'first' });
const { setRelationBatching } = createRequire(import.meta.url)('../dist/src/graphql/batch-relations.js');
await ensureModules(strapi, 25, 'fr');

async function post(limit, headers = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: MODULE_LIST_QUERY, variables: { limit, locale: 'fr' } }),
  });
  const body = await response.json();
  if (body.errors || body.data.modules.length !== limit)
    throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
}

async function measure(limit, batched) {
  setRelationBatching(batched);
  await post(limit); // warm-up
  const statements = await countSqlStatements(strapi, (headers) => post(limit, headers));
  const started = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) await post(limit);
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / RUNS;
  return { statements, ms };
}

const rows = [];
for (const limit of [5, 25]) {
  const plugin = await measure(limit, false);
  const batched = await measure(limit, true);
  rows.push({ limit, plugin, batched });
}
setRelationBatching(true);

console.log(`\nModule list query on ${database}, ${RUNS} runs each (mean latency)\n`);
console.log(
  '| modules | statements, plugin alone | statements, batched | latency plugin | latency batched | speed-up |',
);
console.log('|---|---|---|---|---|---|');
for (const { limit, plugin, batched } of rows) {
  console.log(
    `| ${limit} | ${plugin.statements} | ${batched.statements} | ${plugin.ms.toFixed(1)} ms | ${batched.ms.toFixed(1)} ms | ×${(plugin.ms / batched.ms).toFixed(2)} |`,
  );
}
await strapi.destroy();
process.exit(0);

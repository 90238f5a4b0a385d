// Benchmark (not a test): the partners' module list (25 modules with theme, competences, audiences
// and authors) through GraphQL against the same query through Strapi's REST API, under the same
// load (wrk, scripts/lib/wrk.mjs), in one run of BENCH_ROUNDS rounds: requests per second and
// p50/p90/p99, the GraphQL p90 as a ratio of the REST p90 in each round, and the median round's
// (the target: ≤ 1.2). REST needs an API token: a read-only one is
// created through Strapi's service. A throwaway SQLite database, or PostgreSQL with DATABASE_URL.
import { bootStrapi, ensureModules, MODULE_LIST_QUERY } from './lib/boot.mjs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { wrk } from './lib/wrk.mjs';

const LIMIT = 25;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const LOCALE = 'fr';
const { strapi, url, database } = await bootStrapi({ seed: 'first' });
try {
  await ensureModules(strapi, LIMIT, LOCALE);
  const { accessKey } = await strapi
    .service('admin::api-token')
    .create({ name: `bench-${Date.now()}`, type: 'read-only', lifespan: null });

  const graphql = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: MODULE_LIST_QUERY, variables: { limit: LIMIT, locale: LOCALE } }),
  };
  // The same fields and relations as the GraphQL query.
  const params = new URLSearchParams({ locale: LOCALE, 'pagination[limit]': String(LIMIT) });
  ['documentId', 'title', 'slug', 'level'].forEach((field, i) => params.set(`fields[${i}]`, field));
  const relations = {
    theme: ['name', 'slug'],
    competences: ['code', 'name'],
    audiences: ['name'],
    authors: ['name', 'country'],
  };
  for (const [relation, fields] of Object.entries(relations))
    fields.forEach((field, i) => params.set(`populate[${relation}][fields][${i}]`, field));
  const restUrl = `${url}/api/modules?${params}`;
  const rest = { headers: { authorization: `Bearer ${accessKey}` } };

  // Both answer the same modules (and warm up).
  const viaGraphql = await (
    await fetch(`${url}/graphql`, { method: 'POST', headers: graphql.headers, body: graphql.body })
  ).json();
  const viaRest = await (await fetch(restUrl, rest)).json();
  const ids = (list) => list.map((m) => m.documentId).join();
  if (
    viaGraphql.errors ||
    viaGraphql.data.modules.length !== LIMIT ||
    ids(viaGraphql.data.modules) !== ids(viaRest.data)
  )
    throw new Error(`GraphQL and REST differ: ${JSON.stringify({ viaGraphql, viaRest }).slice(0, 400)}`);

  // After the seed and ensureModules, the CMS works on in the background for a while (the search
  // index reads every entry the seed published, the site purge retries): measured first, GraphQL
  // would share the CPU with it and REST would not. Wait until this process is idle (event loop
  // busy < 5 % over two seconds in a row, at most 120 s), then warm both up the same way.
  const settleStart = Date.now();
  for (let quiet = 0, last = performance.eventLoopUtilization(); quiet < 2 && Date.now() - settleStart < 120_000;) {
    await sleep(1000);
    const now = performance.eventLoopUtilization();
    quiet = performance.eventLoopUtilization(now, last).utilization < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  console.log(`Background work settled in ${((Date.now() - settleStart) / 1000).toFixed(0)} s`);
  await wrk(`${url}/graphql`, { ...graphql, duration: 3 });
  await wrk(restUrl, { ...rest, duration: 3 });
  // BENCH_ROUNDS rounds (3) of GraphQL then REST, one after the other: a burst of other work on the
  // machine lands in one round, not on one API for the whole run. The figure is the median round's.
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const g = await wrk(`${url}/graphql`, graphql);
    const r = await wrk(restUrl, rest);
    rounds.push({ g, r, ratio: g.p90 / r.p90 });
  }
  console.log(`\nModule list (${LIMIT} modules and 4 relations) on ${database}, GraphQL vs REST\n`);
  console.log('| round | API | req/s | p50 ms | p90 ms | p99 ms | GraphQL p90 ÷ REST p90 |');
  console.log('|---|---|---|---|---|---|---|');
  rounds.forEach(({ g, r, ratio }, i) => {
    for (const [name, m] of [
      ['GraphQL', g],
      ['REST', r],
    ])
      console.log(
        `| ${i + 1} | ${name} | ${Math.round(m.rps)} | ${m.p50.toFixed(1)} | ${m.p90.toFixed(1)} | ${m.p99.toFixed(1)} | ${name === 'REST' ? ratio.toFixed(2) : ''} |`,
      );
  });
  const ratios = rounds.map((round) => round.ratio).sort((a, b) => a - b);
  console.log(
    `\nGraphQL p90 ÷ REST p90: ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}, median of ${ROUNDS} rounds (each: ${rounds.map((round) => round.ratio.toFixed(2)).join(', ')}; target ≤ 1.2)\n`,
  );
} finally {
  await strapi.destroy();
}
process.exit(0);

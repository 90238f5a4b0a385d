// Benchmark (not a test): the Atlas at 10,000 organisations. Seeds BENCH_ATLAS_ORGANISATIONS
// (10,000) published organisations in each of the 4 locales (with their draft rows: 80,000 rows)
// into a throwaway database, then measures over GraphQL, as the site and partners ask, the p50 and
// p95 of `organisationListing` with 0 to 4 filters (and the first one after a change of the
// content) and of the map's `organisationMap` (Europe at zoom 4, a region at zoom 7, and a cluster
// opened), with the gzip size of the cluster responses.
// Baseline in the same run: the GraphQL round trip of `{ __typename }` (the server and HTTP alone).
// On SQLite, then on a fresh PostgreSQL database when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { withThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.BENCH_ATLAS_ORGANISATIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_ATLAS_RUNS ?? 40);

if (process.argv[2] !== '--child') {
  const results = [];
  const run = (label, env) => {
    const out = join(here, '..', '..', 'bench-results', `atlas-${label}-${Date.now()}.json`);
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', out], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`Atlas benchmark failed on ${label}`);
    results.push({ label, ...JSON.parse(readFileSync(out, 'utf8')) });
  };
  run('sqlite', { DATABASE_URL: '' });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) await withThrowawayPostgres(adminUrl, 'academy_bench', (url) => run('postgres', { DATABASE_URL: url }));
  else console.log('\n(PostgreSQL: set TEST_DATABASE_URL=postgres://user@host:5432/db to measure it too)');

  console.log(`\n### The Atlas at ${COUNT} organisations × 4 locales (${RUNS} runs each, ms)\n`);
  console.log('| query | ' + results.map((r) => `${r.label} p50 / p95`).join(' | ') + ' |');
  console.log('|---|' + results.map(() => '---|').join(''));
  for (const name of Object.keys(results[0].timings)) {
    const cells = results.map((r) => {
      const t = r.timings[name];
      return `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}${name === 'baseline' ? '' : ` (×${(t.p50 / r.timings.baseline.p50).toFixed(1)})`}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log('\nCluster responses, gzip bytes (largest of the runs):');
  for (const r of results)
    console.log(
      `- ${r.label}: ${JSON.stringify(r.gzip)}; seeding took ${r.seedSeconds} s; first listing of each locale after the start ${JSON.stringify(r.cold)} ms`,
    );
  for (const r of results)
    console.log(`- ${r.label}: load average ${r.load.join(' → ')} (1 min, at the start and end of the measures)`);
  process.exit(0);
}

// ---- child: one database -------------------------------------------------------------------

const output = process.argv[3];
const { bootStrapi } = await import('./lib/boot.mjs');
const { strapi, url } = await bootStrapi({ seed: 'never' });
const db = strapi.db.connection;
const LOCALES = ['en', 'fr', 'it', 'es'];
const KINDS = JSON.parse(
  readFileSync(join(here, '..', 'src', 'api', 'organisation', 'content-types', 'organisation', 'schema.json'), 'utf8'),
).attributes.kind.enum;
const ROLES = ['tools-provider', 'transition-support', 'training', 'network'];
const cities = JSON.parse(readFileSync(join(here, '..', 'data', 'cities.json'), 'utf8'));

// Some randomness, repeatable.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];

const started = Date.now();
// Themes through the Document Service (12, published in the 4 locales).
const themes = {};
for (let i = 0; i < 12; i++) {
  const created = await strapi.documents('api::theme.theme').create({
    locale: 'en',
    status: 'published',
    data: { name: `Bench theme ${i}`, slug: `bench-theme-${i}` },
  });
  for (const locale of LOCALES.slice(1))
    await strapi.documents('api::theme.theme').update({
      documentId: created.documentId,
      locale,
      status: 'published',
      data: { name: `Bench theme ${i} ${locale}`, slug: `bench-theme-${i}-${locale}` },
    });
  themes[created.documentId] = {};
}
const themeRows = await db('themes').select('id', 'document_id', 'locale', 'published_at');
for (const row of themeRows) themes[row.document_id][`${row.locale}:${row.published_at ? 'p' : 'd'}`] = row.id;
const themeIds = Object.keys(themes);

// Organisations straight into their tables (the Document Service would take an hour for 80,000 rows):
// one draft and one published row per locale, as Strapi keeps them, and their services links.
// No change-log row for them: nothing has read the Atlas yet (its copy in memory is made by the first
// listing, below); the themes' publication above is in the log.
const now = new Date();
const json = (value) => JSON.stringify(value);
const BATCH = 100;
const seeded = [];
for (let start = 0; start < COUNT; start += BATCH) {
  const orgs = [];
  for (let i = start; i < Math.min(COUNT, start + BATCH); i++) {
    const city = pick(cities);
    const roles = ROLES.filter(() => random() < 0.4);
    orgs.push({
      documentId: randomBytes(12).toString('hex').slice(0, 24),
      name: `Bench organisation ${String(i).padStart(5, '0')}`,
      slug: `bench-organisation-${i}`,
      kind: pick(KINDS),
      roles,
      country: city.country,
      city: city.city,
      // Around the city centre (a few km), as a real directory would place them.
      latitude: city.latitude + (random() - 0.5) * 0.1,
      longitude: city.longitude + (random() - 0.5) * 0.1,
      services: themeIds.filter(() => random() < 0.2),
    });
  }
  seeded.push(...orgs.map((o) => o.documentId));
  const rows = [];
  for (const o of orgs)
    for (const locale of LOCALES)
      for (const published of [false, true])
        rows.push({
          document_id: o.documentId,
          name: o.name,
          slug: o.slug,
          description: `Description ${locale}`,
          kind: o.kind,
          roles: json(o.roles),
          country: o.country,
          city: o.city,
          latitude: o.latitude,
          longitude: o.longitude,
          is_consortium_partner: false,
          created_at: now,
          updated_at: now,
          published_at: published ? now : null,
          locale,
        });
  // SQLite takes at most 500 rows in one INSERT (a compound SELECT).
  for (let i = 0; i < rows.length; i += 400) await db('organisations').insert(rows.slice(i, i + 400));
  const byKey = new Map();
  const found = await db('organisations')
    .whereIn(
      'document_id',
      orgs.map((o) => o.documentId),
    )
    .select('id', 'document_id', 'locale', 'published_at');
  for (const r of found) byKey.set(`${r.document_id}:${r.locale}:${r.published_at ? 'p' : 'd'}`, r.id);
  const links = [];
  for (const o of orgs)
    for (const locale of LOCALES)
      for (const state of ['d', 'p'])
        o.services.forEach((theme, order) =>
          links.push({
            organisation_id: byKey.get(`${o.documentId}:${locale}:${state}`),
            theme_id: themes[theme][`${locale}:${state}`],
            theme_ord: order + 1,
          }),
        );
  for (let i = 0; i < links.length; i += 400) await db('organisations_services_lnk').insert(links.slice(i, i + 400));
}
const seedSeconds = Math.round((Date.now() - started) / 1000);
console.log(`[bench] ${COUNT} organisations × ${LOCALES.length} locales seeded in ${seedSeconds} s`);
if (strapi.db.dialect.client === 'postgres') await db.raw('ANALYZE');

async function gql(query, variables) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  const parsed = JSON.parse(body);
  if (parsed.errors) throw new Error(JSON.stringify(parsed.errors));
  return { body, data: parsed.data };
}

const LISTING = `query($l: I18NLocaleCode, $f: OrganisationListingFilters) { organisationListing(locale: $l, filters: $f) {
  total pageCount nodes { documentId name slug kind roles country city services { documentId name } } facets { facet value count } } }`;
const MAP = `query($l: I18NLocaleCode, $f: OrganisationListingFilters, $w: Float, $s: Float, $e: Float, $n: Float, $z: Int) {
  organisationMap(locale: $l, filters: $f, west: $w, south: $s, east: $e, north: $n, zoom: $z) {
    placed unplaced points { latitude longitude count clusterId documentId name slug kind } } }`;
const CLUSTER = `query($l: I18NLocaleCode, $c: Int!) { organisationMapCluster(locale: $l, clusterId: $c) { documentId name slug kind } }`;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** `before` (untimed) runs ahead of each call. */
async function measure(fn, before = async () => {}) {
  await before();
  await fn(0); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await before();
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const filterSets = [
  () => ({}),
  () => ({ country: pick(cities).country }),
  () => ({ country: pick(cities).country, kind: pick(KINDS).replace(/-/g, '_') }),
  () => ({ country: pick(cities).country, kind: pick(KINDS).replace(/-/g, '_'), role: pick(ROLES) }),
  () => ({
    country: pick(cities).country,
    kind: pick(KINDS).replace(/-/g, '_'),
    role: pick(ROLES),
    service: pick(themeIds),
  }),
];
const load = [loadavg()[0].toFixed(1)];
const timings = { baseline: await measure(() => gql('{ __typename }')) };
// The first listing of each locale after the start reads its organisations (listing/query.ts);
// timed apart, then every measure below runs on warm copies.
const cold = {};
for (const l of LOCALES) {
  const t = performance.now();
  await gql(LISTING, { l });
  cold[l] = Math.round(performance.now() - t);
}
console.log(`[bench] first listing of each locale after the start (reads it): ${JSON.stringify(cold)} ms`);
for (const [n, filters] of filterSets.entries())
  timings[`listing, ${n} filter${n === 1 ? '' : 's'}`] = await measure(() =>
    gql(LISTING, { l: pick(LOCALES), f: filters() }),
  );

const gzip = { europeZoom4: 0, regionZoom7: 0 };
timings['map: Europe, zoom 4'] = await measure(async () => {
  const { body } = await gql(MAP, { l: pick(LOCALES), w: -11, s: 35, e: 30, n: 60, z: 4 });
  gzip.europeZoom4 = Math.max(gzip.europeZoom4, gzipSync(body).length);
});
timings['map: a region, zoom 7'] = await measure(async () => {
  const city = pick(cities);
  const { body } = await gql(MAP, {
    l: pick(LOCALES),
    f: { kind: pick(KINDS).replace(/-/g, '_') },
    w: city.longitude - 3,
    s: city.latitude - 2,
    e: city.longitude + 3,
    n: city.latitude + 2,
    z: 7,
  });
  gzip.regionZoom7 = Math.max(gzip.regionZoom7, gzipSync(body).length);
});
const europe = (await gql(MAP, { l: 'en', w: -11, s: 35, e: 30, n: 60, z: 4 })).data.organisationMap.points;
const clusterIds = europe.filter((p) => p.clusterId != null).map((p) => p.clusterId);
timings['map: a cluster opened'] = await measure(() => gql(CLUSTER, { l: 'en', c: pick(clusterIds) }));

// The first request after a change (each publish moves the content version): a change-log row as
// log.ts writes it. Another type's change leaves the listing's copy as it is; an organisation's
// change has it read that organisation again and put it back in place (listing/query.ts).
const changeOf = (type, documentId, locale) =>
  db('content_changes').insert({
    type,
    document_id: documentId,
    locale,
    action: 'updated',
    at: Date.now(),
    related: null,
  });
timings['listing, first after a module change'] = await measure(
  () => gql(LISTING, { l: pick(LOCALES), f: filterSets[2]() }),
  () => changeOf('module', randomBytes(12).toString('hex'), 'en'),
);
let changedLocale = 'en';
timings["listing, first after an organisation's change"] = await measure(
  () => gql(LISTING, { l: changedLocale, f: filterSets[2]() }),
  () => changeOf('organisation', pick(seeded), (changedLocale = pick(LOCALES))),
);

load.push(loadavg()[0].toFixed(1));
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify({ count: COUNT, runs: RUNS, seedSeconds, cold, load, timings, gzip }, null, 2));
await strapi.destroy();
process.exit(0);

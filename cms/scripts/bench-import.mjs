// Benchmark (not a test): the Atlas import (src/editors/atlas-import.ts) of BENCH_IMPORT_ROWS
// (1,000) organisations, as the admin's import page sends it (POST /editors/atlas-import, a
// multipart CSV, an admin's JWT): the dry run, the import (drafts, one transaction per 100 rows,
// through the Document Service), and the same file again (all unchanged). Each in rows/s, against
// a baseline in the same run: the database alone inserting the same rows into the organisations
// table (knex, one transaction per 100 rows, then deleted). The bar: dry run + import of
// 1,000 rows in under 60 s (the script fails above it). On SQLite, then on a fresh PostgreSQL
// database when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set. Run it under flock (heavy).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.BENCH_IMPORT_ROWS ?? 1000);
const LIMIT_SECONDS = 60;

if (process.argv[2] !== '--child') {
  const results = [];
  const run = (label, env) => {
    const out = join(here, '..', '..', 'bench-results', `import-${label}-${Date.now()}.json`);
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', out], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`Import benchmark failed on ${label}`);
    results.push({ label, ...JSON.parse(readFileSync(out, 'utf8')) });
  };
  run('sqlite', { DATABASE_URL: '' });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) await withThrowawayPostgres(adminUrl, 'academy_bench', (url) => run('postgres', { DATABASE_URL: url }));
  else console.log('\n(PostgreSQL: set TEST_DATABASE_URL=postgres://user@host:5432/db to measure it too)');

  console.log(`\n### The Atlas import: ${COUNT} rows (seconds, rows/s, × the database alone)\n`);
  console.log('| step | ' + results.map((r) => r.label).join(' | ') + ' |');
  console.log('|---|' + results.map(() => '---|').join(''));
  for (const step of Object.keys(results[0].steps)) {
    const cells = results.map((r) => {
      const s = r.steps[step];
      const ratio =
        step === 'baseline' ? '' : ` (×${(r.steps.baseline.rowsPerSecond / s.rowsPerSecond).toFixed(1)} the time)`;
      return `${s.seconds.toFixed(2)} s, ${Math.round(s.rowsPerSecond)} rows/s${ratio}`;
    });
    console.log(`| ${step} | ${cells.join(' | ')} |`);
  }
  let failed = false;
  for (const r of results) {
    const total = r.steps['dry run'].seconds + r.steps.import.seconds;
    console.log(`- ${r.label}: dry run + import ${total.toFixed(1)} s (bar: < ${LIMIT_SECONDS} s)`);
    if (total >= LIMIT_SECONDS) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

// ---- child: one database -------------------------------------------------------------------

const output = process.argv[3];
const { bootStrapi } = await import('./lib/boot.mjs');
const { strapi, url } = await bootStrapi({ seed: 'never' });
const db = strapi.db.connection;
const KINDS = JSON.parse(
  readFileSync(join(here, '..', 'src', 'api', 'organisation', 'content-types', 'organisation', 'schema.json'), 'utf8'),
).attributes.kind.enum;
const ROLES = ['tools-provider', 'transition-support', 'training', 'network'];
const cities = JSON.parse(readFileSync(join(here, '..', 'data', 'cities.json'), 'utf8'));
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];

// Six themes in English (the services column), and a super admin logged in as the panel does.
const themes = [];
for (let i = 0; i < 6; i++)
  themes.push(
    (
      await strapi
        .documents('api::theme.theme')
        .create({ locale: 'en', data: { name: `Bench theme ${i}`, slug: `bench-theme-${i}` } })
    ).documentId,
  );
const superAdmin = await strapi.service('admin::role').getSuperAdmin();
const email = `bench-${Date.now()}@example.org`;
const password = 'Bench-password-1';
await strapi.service('admin::user').create({
  email,
  firstname: 'Bench',
  lastname: 'Import',
  password,
  isActive: true,
  registrationToken: null,
  roles: [superAdmin.id],
});
const login = await fetch(`${url}/admin/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
const token = (await login.json()).data.token;

// The file: the export's columns, every column filled.
const quote = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;
const header =
  'id,name,slug,kind,roles,services,country,city,latitude,longitude,website,is_consortium_partner,founded_year,description,url';
const organisations = [];
for (let i = 0; i < COUNT; i++) {
  const city = pick(cities);
  organisations.push({
    name: `Imported organisation ${String(i).padStart(5, '0')}`,
    slug: `imported-organisation-${i}`,
    kind: pick(KINDS),
    roles: ROLES.filter(() => random() < 0.4),
    services: themes.filter(() => random() < 0.3),
    country: city.country,
    city: city.city,
    latitude: Number((city.latitude + (random() - 0.5) * 0.1).toFixed(4)),
    longitude: Number((city.longitude + (random() - 0.5) * 0.1).toFixed(4)),
    website: `https://imported-${i}.example.org`,
    isConsortiumPartner: random() < 0.1,
    foundedYear: 1900 + Math.floor(random() * 120),
    description: `An organisation of the social economy, number ${i}, imported from a spreadsheet.`,
  });
}
const csv =
  [
    header,
    ...organisations.map((o) =>
      [
        '',
        o.name,
        o.slug,
        o.kind,
        o.roles.join(';'),
        o.services.join(';'),
        o.country,
        o.city,
        o.latitude,
        o.longitude,
        o.website,
        o.isConsortiumPartner,
        o.foundedYear,
        o.description,
        '',
      ]
        .map(quote)
        .join(','),
    ),
  ].join('\r\n') + '\r\n';

async function send(apply) {
  const form = new FormData();
  form.set('locale', 'en');
  form.set('language', 'en');
  form.set('apply', String(apply));
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'atlas.csv');
  const started = performance.now();
  const response = await fetch(`${url}/editors/atlas-import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await response.json();
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200) throw new Error(JSON.stringify(body));
  return { seconds, rowsPerSecond: COUNT / seconds, counts: body.counts };
}

const steps = {};
steps['dry run'] = await send(false);
steps.import = await send(true);
steps['again (unchanged)'] = await send(true);
if (steps.import.counts.create !== COUNT || steps['again (unchanged)'].counts.unchanged !== COUNT)
  throw new Error(`Unexpected counts: ${JSON.stringify(steps)}`);

// Baseline: the database alone, the same rows (a draft each), one transaction per 100 rows.
const now = new Date();
const rows = organisations.map((o) => ({
  document_id: randomBytes(12).toString('hex'),
  name: o.name,
  slug: `baseline-${o.slug}`,
  description: o.description,
  kind: o.kind,
  roles: JSON.stringify(o.roles),
  country: o.country,
  city: o.city,
  latitude: o.latitude,
  longitude: o.longitude,
  website: o.website,
  is_consortium_partner: o.isConsortiumPartner,
  founded_year: o.foundedYear,
  created_at: now,
  updated_at: now,
  published_at: null,
  locale: 'en',
}));
const started = performance.now();
for (let i = 0; i < rows.length; i += 100)
  await db.transaction((trx) => trx('organisations').insert(rows.slice(i, i + 100)));
const seconds = (performance.now() - started) / 1000;
steps.baseline = { seconds, rowsPerSecond: COUNT / seconds };
await db('organisations').where('slug', 'like', 'baseline-%').delete();

for (const [name, s] of Object.entries(steps))
  console.log(
    `[bench] ${strapi.db.dialect.client}: ${name} ${s.seconds.toFixed(2)} s (${Math.round(s.rowsPerSecond)} rows/s)`,
  );
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify({ count: COUNT, steps }, null, 2));
await strapi.destroy();
process.exit(0);

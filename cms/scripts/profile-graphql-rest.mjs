// CPU profiles of the CMS under load (not a test; docs/benchmarks.md "CMS: GraphQL against REST"):
// the module list of scripts/bench-graphql-rest.mjs by GraphQL and by REST, each under `wrk -t1`
// (BENCH_CONNECTIONS, BENCH_DURATION) with the V8 profiler of this process running (node:inspector,
// the CMS runs in-process). Prints req/s, the top frames by self time as a share of the busy
// (non-idle) samples, and the inclusive share of a few functions (PROFILE_INCLUSIVE, comma-separated
// name fragments). PROFILE_DIR keeps the .cpuprofile files (for a flame graph in Chrome DevTools).
import { Session } from 'node:inspector/promises';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootStrapi, ensureModules, MODULE_LIST_QUERY } from './lib/boot.mjs';
import { wrk } from './lib/wrk.mjs';

const LIMIT = 25;
const LOCALE = 'fr';
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const INCLUSIVE = (
  process.env.PROFILE_INCLUSIVE ??
  'fieldDefinition.resolve,createGraphQLPolicyContext,authorize,transformArgs,validateQuery,sanitizeQuery,willResolveField,parse,validate,execute,prettyJSONStringify'
).split(',');
const dir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'academy-cms-profile-'));
mkdirSync(dir, { recursive: true });

const label = (frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url
    .replace(/^.*node_modules\//, '')
    .split('/')
    .slice(-3)
    .join('/')}:${frame.lineNumber + 1}`;

function summarize(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let busy = 0;
  const self = new Map();
  const inclusive = new Map(INCLUSIVE.map((name) => [name, 0]));
  const byFile = new Map();
  for (const [id, count] of counts) {
    const { callFrame } = byId.get(id);
    if (['(idle)', '(program)', '(root)'].includes(callFrame.functionName)) continue;
    busy += count;
    const name = label(callFrame);
    self.set(name, (self.get(name) ?? 0) + count);
    // The package of the frame, or of its nearest caller with a file (native frames count for it).
    let pkg = null;
    for (let at = id; at != null && !pkg; at = parent.get(at)) {
      const { url } = byId.get(at).callFrame;
      pkg = url
        ? ([...url.matchAll(/node_modules\/((@[^/]+\/)?[^/]+)/g)].pop()?.[1] ??
          (url.includes('/cms/dist/') ? 'cms (ours)' : url))
        : null;
    }
    if (callFrame.functionName === '(garbage collector)') pkg = 'GC';
    pkg ??= callFrame.functionName;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + count);
    const names = new Set();
    for (let at = id; at != null; at = parent.get(at)) names.add(byId.get(at).callFrame.functionName);
    for (const fragment of INCLUSIVE)
      if ([...names].some((n) => n === fragment)) inclusive.set(fragment, inclusive.get(fragment) + count);
  }
  const pct = (n) => `${((100 * n) / busy).toFixed(1)} %`.padStart(7);
  const total = profile.samples.length;
  console.log(`  busy ${((100 * busy) / total).toFixed(0)} % of ${total} samples`);
  console.log('  self time, top frames:');
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${pct(n)} ${name}`);
  console.log('  self time by package:');
  for (const [name, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(n)} ${name}`);
  console.log('  inclusive (a function of that name on the stack):');
  for (const [name, n] of inclusive) console.log(`  ${pct(n)} ${name}`);
}

// DATABASE_FILENAME and PUBLIC_DIR: reuse a seeded SQLite database between runs (else a throwaway one).
const { strapi, url } = await bootStrapi({ seed: 'first', throwaway: !process.env.DATABASE_FILENAME });
const session = new Session();
session.connect();
try {
  await ensureModules(strapi, LIMIT, LOCALE);
  const { accessKey } = await strapi
    .service('admin::api-token')
    .create({ name: `profile-${Date.now()}`, type: 'read-only', lifespan: null });
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
  const targets = {
    graphql: [
      `${url}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: MODULE_LIST_QUERY, variables: { limit: LIMIT, locale: LOCALE } }),
      },
    ],
    rest: [`${url}/api/modules?${params}`, { headers: { authorization: `Bearer ${accessKey}` } }],
  };
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const name of (process.env.PROFILE_APIS ?? 'graphql,rest').split(',')) {
    const [target, options] = targets[name];
    for (let n = 0; n < 5; n++) await (await fetch(target, options)).arrayBuffer();
    await session.post('Profiler.start');
    const result = await wrk(target, options);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`\n${name}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p90 ${result.p90} ms`);
    summarize(profile);
  }
  console.log(`\nprofiles in ${dir}`);
} finally {
  session.disconnect();
  await strapi.destroy();
}
process.exit(0);

// CPU profiles of the built site's server under load (not a test; docs/benchmarks.md "Where a
// request's time goes"). Uses the benchmark's build (web/.output-bench: run `pnpm run bench` or
// `nuxi build` with NUXT_OUTPUT_DIR first), boots the CMS (throwaway SQLite, demo content), then for
// each path (PROFILE_PATHS, comma-separated; a cached home, robots.txt and the home's entry script by
// default) and each variant (the site as it is, and with NUXT_RESPONSE_REPLAY=off), in the same run:
// a site process under `node --cpu-prof`, two warm-up requests, `wrk -t1` (BENCH_CONNECTIONS,
// BENCH_DURATION), then the process stopped and its profile read. Prints req/s and the top frames
// by self time as a share of the busy (non-idle) samples. PROFILE_VARIANTS=renders: uncached
// renders instead (NUXT_PAGE_CACHE=off), with and without the data cache (app/graphql/data-cache.ts).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wrk } from 'cms/wrk';
import { startCms, startSite, stop, webDir } from './servers.mjs';

const outputDir = process.env.BENCH_OUTPUT_DIR ?? join(webDir, '.output-bench');
const TOP = Number(process.env.PROFILE_TOP ?? 10);
const VARIANTS =
  process.env.PROFILE_VARIANTS === 'renders'
    ? [
        { name: 'uncached, data cache on', env: { NUXT_PAGE_CACHE: 'off' } },
        { name: 'uncached, data cache off', env: { NUXT_PAGE_CACHE: 'off', NUXT_DATA_CACHE: 'off' } },
      ]
    : [
        { name: 'replays on', env: {} },
        { name: 'replays off', env: { NUXT_RESPONSE_REPLAY: 'off' } },
      ];

/** Self time per function (name, file:line) as a share of the non-idle samples. */
function topFrames(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let busy = 0;
  for (const [id, count] of counts) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += count;
    const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + count);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, count]) => `${((100 * count) / busy).toFixed(1)} % ${name}`);
}

// PROFILE_CMS_URL: a CMS already running with the demo content (else one is started).
const cms = process.env.PROFILE_CMS_URL ? { url: process.env.PROFILE_CMS_URL } : await startCms();
try {
  const probe = await startSite(outputDir, cms.url);
  const home = await (await fetch(`${probe.url}/en`)).text();
  await stop(probe.child);
  const entry = /<script[^>]+type="module"[^>]+src="(\/_nuxt\/[^"]+\.js)"/.exec(home)?.[1];
  const paths = (process.env.PROFILE_PATHS ?? `/en,/robots.txt,${entry}`).split(',');
  for (const path of paths) {
    for (const variant of VARIANTS) {
      const dir = mkdtempSync(join(tmpdir(), 'academy-profile-'));
      const site = await startSite(outputDir, cms.url, {
        env: { ...variant.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` },
      });
      for (let n = 0; n < 2; n++) await (await fetch(`${site.url}${path}`)).arrayBuffer();
      const result = await wrk(`${site.url}${path}`);
      await stop(site.child);
      const profile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      console.log(`\n${path}, ${variant.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms`);
      if (profile) for (const line of topFrames(join(dir, profile))) console.log(`  ${line}`);
      else console.log('  (no profile written)');
    }
  }
} finally {
  await stop(cms.child);
}

// A/B of uncached renders between two builds of the site (not a test; docs/benchmarks.md). Usage:
// `node scripts/ab-renders.mjs <build A> <build B>` (in `web/`; builds made with
// `NUXT_OUTPUT_DIR=<dir> nuxi build`). Boots the CMS (throwaway SQLite, demo content) and both
// builds with NUXT_PAGE_CACHE=off, then for each path (AB_PATHS, comma-separated: the home and the
// Atlas by default) runs wrk on A and on B *at the same time*, AB_ROUNDS rounds (5) of
// BENCH_DURATION seconds (5), after BENCH_WARMUP seconds (3) of the same load. Both builds share
// the machine's state of the moment: this shared machine's speed swings by 20 % from minute to
// minute, which runs one after the other mistake for a change. Prints each round's req/s and the
// ratio B ÷ A, and the median ratio.
import { wrk } from 'cms/wrk';
import { startCms, startSite, stop } from './servers.mjs';

const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node scripts/ab-renders.mjs <build A> <build B>');
const PATHS = (process.env.AB_PATHS ?? '/en,/en/atlas').split(',');
const ROUNDS = Number(process.env.AB_ROUNDS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARM_UP = Number(process.env.BENCH_WARMUP ?? 3);

const cms = await startCms();
const sites = [];
try {
  for (const dir of [a, b]) sites.push(await startSite(dir, cms.url, { env: { NUXT_PAGE_CACHE: 'off' } }));
  const both = (path, duration) => Promise.all(sites.map((site) => wrk(`${site.url}${path}`, { duration })));
  for (const path of PATHS) {
    await both(path, WARM_UP);
    const ratios = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const [ra, rb] = await both(path, DURATION);
      ratios.push(rb.rps / ra.rps);
      console.log(
        `${path} round ${round}: A ${ra.rps.toFixed(0)} req/s, B ${rb.rps.toFixed(0)} req/s, B ÷ A ${ratios.at(-1).toFixed(3)}`,
      );
    }
    const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)];
    console.log(`${path}: median B ÷ A ${median.toFixed(3)}`);
  }
} finally {
  for (const site of sites) await stop(site.child);
  await stop(cms.child);
}

// Where the browser's main thread goes while a page loads, under Lighthouse's mobile throttling
// (4× CPU slowdown, slow 4G, as scripts/bench.mjs): for one or more builds of the site, in the
// same run and interleaved (build A's run, then build B's, page by page), so that a "before" and an
// "after" meet the same machine load. Prints per page and build the median performance and TBT of
// the runs, Lighthouse's CPU benchmark index of each run, and the median run's main-thread
// breakdown (`mainthread-work-breakdown`), its scripts' evaluation (`bootup-time`) and its long
// tasks (`long-tasks`); writes every run's Lighthouse JSON to bench-results/profile-<time>/.
//
//   PROFILE_BUILDS=before=.output-base,after=.output-test PROFILE_RUNS=5 node scripts/profile-hydration.mjs
//
// Also prints each page's first-load JavaScript (gzip) in each build.
// PROFILE_PAGES: page names to measure (comma-separated; default: the five of scripts/bench.mjs).
// BENCH_CMS_URL: a CMS already running with the demo content (scripts/cms.mjs --fixtures).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { firstLoadJs } from './lib/first-load-js.mjs';
import { benchPages, CHROMIUM, CHROMIUM_FLAGS, lighthouseReport } from './lib/bench-site.mjs';
import { startCms, startSite, stop, webDir } from './servers.mjs';

const RUNS = Math.max(1, Number(process.env.PROFILE_RUNS ?? 3));
const builds = (process.env.PROFILE_BUILDS ?? 'build=.output-test').split(',').map((spec) => {
  const [name, dir] = spec.split('=');
  return { name, dir: resolve(webDir, dir) };
});
const wanted = process.env.PROFILE_PAGES?.split(',');
const outDir = join(webDir, '..', 'bench-results', `profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(outDir, { recursive: true });

async function pagesOf(cmsUrl) {
  return (await benchPages(cmsUrl)).filter((page) => !wanted || wanted.includes(page.name));
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const ms = (value) => Math.round(value ?? 0);
const cms = process.env.BENCH_CMS_URL ? { url: process.env.BENCH_CMS_URL } : await startCms();
const sites = [];
try {
  for (const build of builds) sites.push({ ...build, ...(await startSite(build.dir, cms.url)) });
  const pages = await pagesOf(cms.url);
  // First-load JavaScript (gzip) of each page in each build, as the browser tests' guard counts it.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    for (const site of sites) {
      const context = await browser.newContext({ baseURL: site.url });
      const sizes = [];
      for (const page of pages)
        sizes.push(`${page.name} ${((await firstLoadJs(context, page.path)).total / 1024).toFixed(1)}`);
      console.log(`first-load JS KB gzip, ${site.name}: ${sizes.join(', ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  for (const page of pages) {
    const results = Object.fromEntries(sites.map((site) => [site.name, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const site of sites) {
        // Warm the page cache: what is measured is the browser's work, not a render.
        await fetch(`${site.url}${page.path}`);
        let lhr;
        for (let attempt = 0; !lhr; attempt++) {
          try {
            lhr = await lighthouseReport(`${site.url}${page.path}`);
          } catch (error) {
            if (attempt >= 2) throw error;
          }
        }
        lhr.loadAverage = loadavg()[0];
        writeFileSync(join(outDir, `${page.name.replace(/\W+/g, '-')}-${site.name}-${i}.json`), JSON.stringify(lhr));
        results[site.name].push(lhr);
      }
    }
    for (const site of sites) {
      const runs = results[site.name].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = runs[Math.floor(runs.length / 2)];
      const tbts = runs.map((lhr) => ms(lhr.audits['total-blocking-time'].numericValue)).sort((a, b) => a - b);
      console.log(
        `\n## ${page.name} — ${site.name}: perf ${score(median, 'performance')} ` +
          `(runs ${runs.map((lhr) => `${score(lhr, 'performance')}@CPU${Math.round(lhr.environment.benchmarkIndex)}/load${lhr.loadAverage.toFixed(1)}`).join(', ')}), ` +
          `TBT median ${tbts[Math.floor(tbts.length / 2)]} ms (${tbts.join(', ')}), ` +
          `a11y/BP/SEO ${score(median, 'accessibility')}/${score(median, 'best-practices')}/${score(median, 'seo')}, ` +
          `LCP ${ms(median.audits['largest-contentful-paint'].numericValue)} ms`,
      );
      const breakdown = median.audits['mainthread-work-breakdown'].details?.items ?? [];
      console.log(
        `main thread (median run, ms, 4× slowed): ${breakdown
          .slice(0, 6)
          .map((item) => `${item.groupLabel ?? item.group} ${ms(item.duration)}`)
          .join(', ')}`,
      );
      const bootup = median.audits['bootup-time'].details?.items ?? [];
      console.log(
        `scripts (total / evaluation / parse+compile ms): ${bootup
          .slice(0, 4)
          .map(
            (item) =>
              `${item.url.replace(/^https?:\/\/[^/]+/, '')} ${ms(item.total)}/${ms(item.scripting)}/${ms(item.scriptParseCompile)}`,
          )
          .join(', ')}`,
      );
      const tasks = median.audits['long-tasks'].details?.items ?? [];
      console.log(
        `long tasks (start+duration ms): ${tasks
          .slice(0, 10)
          .map(
            (task) =>
              `${task.url.replace(/^https?:\/\/[^/]+/, '') || 'other'} @${ms(task.startTime)}+${ms(task.duration)}`,
          )
          .join(', ')}`,
      );
    }
  }
} finally {
  for (const site of sites) await stop(site.child);
  if (!process.env.BENCH_CMS_URL) await stop(cms.child);
}
console.log(`\n[profile] Lighthouse JSON: ${outDir}`);

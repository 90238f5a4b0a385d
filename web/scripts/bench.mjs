// Benchmark of the site (not a test; `npm run bench`). In one run on this machine: the real CMS
// (throwaway SQLite, demo content: scripts/servers.mjs, as the browser tests use it) and the
// production build of the site, then for the home, a module, a job sheet, the Atlas and the
// trainings page:
// - requests per second (autocannon, in this process; the site is its own process) for a cached
//   page (swr hit), an uncached one, and a static file of the same size served by the same Nitro
//   server (its public assets), with the ratios;
//   "uncached": the same build run with NUXT_PAGE_CACHE=off, so that every request is rendered,
//   with its GraphQL requests to the CMS, like a first visit (a query string cannot miss the cache:
//   its key keeps only the parameters a page reads). The cache TTL is the production one (60 s).
// - the gzip JavaScript of a first load in Chromium (scripts/lib/first-load-js.mjs);
// - Lighthouse mobile scores (default mobile emulation and simulated throttling) with Debian's Chromium:
//   BENCH_LIGHTHOUSE_RUNS runs per page (5), each in a fresh Chromium; the run of median performance
//   is reported (its other scores, LCP, TBT and audits below 1), with every run's performance.
// Prints a Markdown table and writes the figures to bench-results/web-<time>.json (repository root).
// BENCH_DURATION (seconds per load run, 10) and BENCH_CONNECTIONS (10) tune the load.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { firstLoadJs } from './lib/first-load-js.mjs';
import { startCms, startSite, stop, webDir } from './servers.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const outputDir = join(webDir, '.output-bench');
const staticDir = join(webDir, '.output-bench-static');
const resultsDir = join(webDir, '..', 'bench-results');

function build(env = {}) {
  console.log(`[bench] building the site${env.NUXT_BENCH_STATIC_DIR ? ' with the static files' : ''}`);
  const result = spawnSync('nuxi', ['build'], {
    cwd: webDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NUXT_OUTPUT_DIR: outputDir, ...env },
  });
  if (result.status !== 0) throw new Error('nuxi build failed');
}

async function cmsQuery(cmsUrl, query) {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The five pages, in English: their entries are the first demo module and job sheet. */
async function pagesOf(cmsUrl) {
  const data = await cmsQuery(
    cmsUrl,
    `{ modules(locale: "en", sort: "documentId", pagination: { limit: 1 }) { slug } jobSheets(locale: "en", sort: "documentId", pagination: { limit: 1 }) { slug } }`,
  );
  return [
    { name: 'home', path: '/en' },
    { name: 'module', path: `/en/modules/${data.modules[0].slug}` },
    { name: 'job sheet', path: `/en/jobs/${data.jobSheets[0].slug}` },
    { name: 'Atlas', path: '/en/atlas' },
    { name: 'trainings', path: '/en/trainings' },
  ].map((page) => ({ ...page, file: `${page.name.replace(/\W+/g, '-')}.html` }));
}

async function htmlSize(siteUrl, path) {
  const response = await fetch(`${siteUrl}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return Buffer.byteLength(await response.text());
}

/** Requests per second over DURATION seconds; every response must be a 200. */
async function load(siteUrl, path) {
  const result = await autocannon({
    url: siteUrl,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'GET', path }],
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures) throw new Error(`${path}: ${failures} failed requests of ${result.requests.total}`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

async function lighthouseScores(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    // A run Lighthouse could not measure (e.g. NO_NAVSTART on a loaded machine) scores nothing.
    if (lhr.runtimeError) throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.code}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failed = Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual',
      )
      .map((audit) => `${audit.id} (${audit.score})`);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      failed,
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    };
  } finally {
    await chrome.kill();
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const started = new Date();
rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
build();
console.log('[bench] starting the CMS (throwaway SQLite, demo content)');
const cms = await startCms();
let site;
let uncachedSite;
try {
  // 1. The size of each page's HTML, for static files of the same size (which must exist when the
  //    site is built: Nitro serves the public assets it found at build time).
  site = await startSite(outputDir, cms.url);
  const pages = await pagesOf(cms.url);
  for (const page of pages) {
    page.htmlBytes = await htmlSize(site.url, page.path);
    const shell = '<!DOCTYPE html><!---->';
    writeFileSync(
      join(staticDir, page.file),
      shell.replace('-->', `${'x'.repeat(Math.max(0, page.htmlBytes - shell.length))}-->`),
    );
  }
  await stop(site.child);
  build({ NUXT_BENCH_STATIC_DIR: staticDir });
  site = await startSite(outputDir, cms.url);
  uncachedSite = await startSite(outputDir, cms.url, { env: { NUXT_PAGE_CACHE: 'off' } });
  console.log(
    `[bench] CMS ${cms.url}, site ${site.url} (uncached: ${uncachedSite.url}); ${CONNECTIONS} connections, ${DURATION} s per run`,
  );

  // 2. Throughput: cached (after one request filled the cache), uncached, static.
  for (const page of pages) {
    page.htmlBytes = await htmlSize(site.url, page.path);
    page.staticBytes = await htmlSize(site.url, `/__bench/${page.file}`);
    console.log(`[bench] load: ${page.path}`);
    page.cached = await load(site.url, page.path);
    page.uncached = await load(uncachedSite.url, page.path);
    page.static = await load(site.url, `/__bench/${page.file}`);
  }
  await stop(uncachedSite.child);

  // 3. First-load JavaScript in Chromium.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ baseURL: site.url });
    for (const page of pages) page.js = await firstLoadJs(context, page.path);
  } finally {
    await browser.close();
  }

  // 4. Lighthouse (mobile), one fresh Chromium per run; the median run by performance.
  for (const page of pages) {
    console.log(`[bench] Lighthouse: ${page.path} (${LIGHTHOUSE_RUNS} runs)`);
    const runs = [];
    for (let attempt = 0; runs.length < LIGHTHOUSE_RUNS; attempt++) {
      try {
        runs.push(await lighthouseScores(`${site.url}${page.path}`));
      } catch (error) {
        if (attempt >= LIGHTHOUSE_RUNS + 2) throw error;
        console.log(`[bench] ${error.message}: run again`);
      }
    }
    runs.sort((a, b) => a.performance - b.performance);
    page.lighthouse = { ...runs[Math.floor(runs.length / 2)], performanceRuns: runs.map((run) => run.performance) };
  }

  const rows = pages.map((p) => [
    p.name,
    `${kb(p.htmlBytes)} / ${kb(p.staticBytes)}`,
    Math.round(p.cached.rps),
    Math.round(p.uncached.rps),
    Math.round(p.static.rps),
    `${(p.cached.rps / p.static.rps).toFixed(2)} / ${(p.uncached.rps / p.static.rps).toFixed(3)}`,
    `${p.cached.p50} / ${p.uncached.p50}`,
    kb(p.js.total),
    `${p.lighthouse.performance} / ${p.lighthouse.accessibility} / ${p.lighthouse.bestPractices} / ${p.lighthouse.seo}`,
    `${p.lighthouse.lcpMs} / ${p.lighthouse.tbtMs}`,
    p.lighthouse.performanceRuns.join(', '),
  ]);
  const header = [
    'page',
    'HTML / static KB',
    'cached req/s',
    'uncached req/s',
    'static req/s',
    'cached / uncached ÷ static',
    'p50 ms cached / uncached',
    'first-load JS KB gzip',
    `Lighthouse perf / a11y / BP / SEO (median of ${LIGHTHOUSE_RUNS})`,
    'LCP / TBT ms',
    'perf of each run',
  ];
  const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
  console.log(`\n${table}\n`);
  for (const p of pages)
    if (p.lighthouse.failed.length) console.log(`Lighthouse ${p.name}: below 1 — ${p.lighthouse.failed.join(', ')}`);

  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `web-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { started, durationSeconds: DURATION, connections: CONNECTIONS, cms: 'sqlite', pages, table },
      null,
      2,
    ) + '\n',
  );
  console.log(`[bench] ${file}`);
} finally {
  await stop(uncachedSite?.child);
  await stop(site?.child);
  await stop(cms.child);
}

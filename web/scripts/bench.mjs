// Benchmark of the site (not a test; `npm run bench`). In one run on this machine: the real CMS
// (throwaway SQLite, demo content: scripts/servers.mjs, as the browser tests use it), the
// production build of the site (`nuxi build`, as `npm start` serves it), and the physical
// baselines (scripts/lib/baselines.mjs): a raw Node `http` server, and nginx when installed,
// sending the very bytes the site sent. Then:
// - the server against the baselines (wrk -t1, BENCH_CONNECTIONS connections, BENCH_DURATION s:
//   cms/scripts/lib/wrk.mjs): a cached page (page-cache hit) of each of the five pages below,
//   robots.txt and the entry's /_nuxt/ script, as requests per second and a ratio to the raw Node
//   server (the target: ≥ 0.25);
// - uncached renders of the home, a module, a job sheet, the Atlas and the trainings page: every
//   request rendered with its GraphQL requests to the CMS, like a first visit (targets: ≥ 150 req/s,
//   p99 ≤ 250 ms), each after BENCH_WARMUP seconds of the same load (not measured), in
//   BENCH_UNCACHED_ROUNDS rounds (3) reported as the median round. A query string cannot miss the cache (its key keeps only the parameters a page
//   reads, shared/page-query.ts), so the same build runs a second time with NUXT_PAGE_CACHE=off;
// - the gzip JavaScript of a first load in Chromium (scripts/lib/first-load-js.mjs);
// - Lighthouse mobile scores (default mobile emulation and simulated throttling) with Debian's Chromium:
//   BENCH_LIGHTHOUSE_RUNS runs per page (5), each in a fresh Chromium; the run of median performance
//   is reported (its other scores, LCP, TBT and audits below 1), with every run's performance.
// Prints Markdown tables and writes the figures to bench-results/web-<time>.json (repository root).
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS, DURATION, wrk } from 'cms/wrk';
import { chromium } from 'playwright-core';
import { startNginx, startRawNode } from './lib/baselines.mjs';
import { benchPages, buildSite, CHROMIUM, CHROMIUM_FLAGS, lighthouseReport } from './lib/bench-site.mjs';
import { firstLoadJs } from './lib/first-load-js.mjs';
import { startCms, startSite, stop, webDir } from './servers.mjs';

// BENCH_PARTS: which parts run (comma-separated; all by default): server, uncached, browser.
const PARTS = new Set((process.env.BENCH_PARTS ?? 'server,uncached,browser').split(','));
// BENCH_WARMUP: seconds of load on each uncached page before it is measured (3).
const WARM_UP = Number(process.env.BENCH_WARMUP ?? 3);
// BENCH_UNCACHED_ROUNDS: rounds of each uncached page (3); its figures are the median round's.
const UNCACHED_ROUNDS = Math.max(1, Number(process.env.BENCH_UNCACHED_ROUNDS ?? 3));
/** The round of median requests per second (its latencies with it). */
const medianRound = (results) => [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)];
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));
// BENCH_OUTPUT_DIR: where the build goes (or is, with BENCH_SKIP_BUILD=1: e.g. the browser
// tests' web/.output-test, the same production build).
const outputDir = process.env.BENCH_OUTPUT_DIR ?? join(webDir, '.output-bench');
const resultsDir = join(webDir, '..', 'bench-results');

/** The five pages (lib/bench-site.mjs), each with the file the baselines send its bytes from. */
async function pagesOf(cmsUrl) {
  return (await benchPages(cmsUrl)).map((page) => ({ ...page, file: `${page.name.replace(/\W+/g, '-')}.html` }));
}

/** A GET of `url` with `headers`: its status, headers and body as they came on the wire (not decompressed). */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The bytes the site sends for `path` (no Accept-Encoding, as wrk, unless `headers` say otherwise),
 * after a first request filled the cache; asked a third time, the site must send the same bytes and
 * headers (the third is a replay, server/plugins/response-replay.ts).
 */
async function bytesOf(siteUrl, path, headers = {}, { replayed = true } = {}) {
  await rawGet(`${siteUrl}${path}`, headers);
  const [first, again] = [await rawGet(`${siteUrl}${path}`, headers), await rawGet(`${siteUrl}${path}`, headers)];
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  const shown = (answer) =>
    JSON.stringify(
      Object.entries(answer.headers)
        .filter(([name]) => name !== 'date')
        .sort(),
    );
  if (replayed && (!first.body.equals(again.body) || shown(first) !== shown(again))) {
    throw new Error(`${path}: asked again, the site sent other bytes or headers`);
  }
  return { body: first.body, cache: first.headers['x-page-cache'] ?? null };
}

async function lighthouseScores(url) {
  const lhr = await lighthouseReport(url);
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
    // Lighthouse's measure of this machine's CPU at the time of the run (higher: faster): its
    // simulated slow phone is this machine slowed down, so a loaded machine scores lower.
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
  };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const ratio = (a, b) => (b ? (a / b).toFixed(3) : '–');
const started = new Date();
buildSite(webDir, outputDir);
console.log('[bench] starting the CMS (throwaway SQLite, demo content)');
// BENCH_CMS_URL: a CMS already running with the demo content (scripts/cms.mjs --fixtures), else one is started.
const cms = process.env.BENCH_CMS_URL ? { url: process.env.BENCH_CMS_URL } : await startCms();
const filesDir = mkdtempSync(join(tmpdir(), 'academy-bench-files-'));
let site;
let withoutReplays;
let uncachedSite;
let uncachedWithoutData;
let raw;
let nginx;
try {
  site = await startSite(outputDir, cms.url);
  // The same build without its replays of the same bytes (server/plugins/response-replay.ts): the
  // "before" of that change, in the same run.
  withoutReplays = await startSite(outputDir, cms.url, { env: { NUXT_RESPONSE_REPLAY: 'off' } });
  uncachedSite = await startSite(outputDir, cms.url, { env: { NUXT_PAGE_CACHE: 'off' } });
  // The same, without the data cache (app/graphql/data-cache.ts): every query asked of the CMS.
  uncachedWithoutData = await startSite(outputDir, cms.url, {
    env: { NUXT_PAGE_CACHE: 'off', NUXT_DATA_CACHE: 'off' },
  });
  const pages = await pagesOf(cms.url);

  // 1. What the site sends (a cache hit for the pages), written for the baselines: the pages, robots.txt,
  //    the entry script of the home and the favicon; the home and the script also as a browser gets
  //    them (brotli).
  const targets = [];
  const BR = { 'accept-encoding': 'gzip, deflate, br' };
  for (const page of pages) {
    const { body, cache } = await bytesOf(site.url, page.path);
    if (cache !== 'hit') throw new Error(`${page.path} was not served from the page cache`);
    page.htmlBytes = body.length;
    targets.push({ name: `cached ${page.name}`, path: page.path, file: page.file, body });
  }
  const homeBr = await bytesOf(site.url, '/en', BR);
  targets.push({ name: 'cached home, brotli', path: '/en', file: 'home.html.br', body: homeBr.body, headers: BR });
  const robots = await bytesOf(site.url, '/robots.txt');
  targets.push({ name: 'robots.txt', path: '/robots.txt', file: 'robots.txt', body: robots.body });
  const home = (await bytesOf(site.url, '/en')).body.toString();
  const entry = /<script[^>]+type="module"[^>]+src="(\/_nuxt\/[^"]+\.js)"/.exec(home)?.[1];
  if (!entry) throw new Error('no entry script in the home page');
  const asset = await bytesOf(site.url, entry);
  targets.push({ name: '/_nuxt/ entry script', path: entry, file: 'entry.js', body: asset.body });
  const assetBr = await bytesOf(site.url, entry, BR);
  targets.push({
    name: '/_nuxt/ entry script, brotli',
    path: entry,
    file: 'entry.js.br',
    body: assetBr.body,
    headers: BR,
  });
  const favicon = await bytesOf(site.url, '/favicon.svg');
  targets.push({ name: 'favicon.svg', path: '/favicon.svg', file: 'favicon.svg', body: favicon.body });
  for (const target of targets) writeFileSync(join(filesDir, target.file), target.body);
  raw = await startRawNode(filesDir);
  nginx = await startNginx(filesDir);
  console.log(
    `[bench] CMS ${cms.url}, site ${site.url} (without replays: ${withoutReplays.url}, uncached: ${uncachedSite.url}), raw Node ${raw.url}, nginx ${nginx?.url ?? 'not installed'}; wrk -t1 -c${CONNECTIONS} -d${DURATION}s`,
  );

  // 2. The server against the baselines, then uncached renders.
  if (PARTS.has('server')) {
    for (const target of targets) {
      console.log(`[bench] ${target.name}`);
      // A page expires NUXT_CONTENT_TTL (60 s) after its rendering: asked twice just before, it
      // is fresh for both sites' runs (the one render per minute is not what is measured here).
      for (const origin of [site.url, withoutReplays.url]) {
        await bytesOf(origin, target.path, target.headers, { replayed: false });
      }
      target.site = await wrk(`${site.url}${target.path}`, { headers: target.headers });
      target.withoutReplays = await wrk(`${withoutReplays.url}${target.path}`, { headers: target.headers });
      target.raw = await wrk(`${raw.url}/${target.file}`);
      if (nginx) target.nginx = await wrk(`${nginx.url}/${target.file}`);
    }
  }
  if (PARTS.has('uncached')) {
    for (const page of pages) {
      for (const origin of [uncachedSite.url, uncachedWithoutData.url]) {
        const { cache } = await bytesOf(origin, page.path, {}, { replayed: false });
        if (cache) throw new Error(`${page.path}: the uncached site answered from its page cache`);
      }
      console.log(`[bench] uncached ${page.path}`);
      for (const origin of [uncachedSite.url, uncachedWithoutData.url]) {
        // A server that has been up a while: the page's code compiled by the JIT and the data
        // cache's first answers in, as in every request but a fresh process's first few seconds.
        if (WARM_UP > 0) await wrk(`${origin}${page.path}`, { duration: WARM_UP });
      }
      // UNCACHED_ROUNDS rounds of both, one after the other: a slow moment of the machine lands in
      // one round, not on one column for the whole page. Each column's figure is its median round's.
      const rounds = { with: [], without: [] };
      for (let round = 0; round < UNCACHED_ROUNDS; round++) {
        rounds.with.push(await wrk(`${uncachedSite.url}${page.path}`));
        rounds.without.push(await wrk(`${uncachedWithoutData.url}${page.path}`));
      }
      page.uncachedRounds = rounds.with.map((result) => Math.round(result.rps));
      page.uncached = medianRound(rounds.with);
      page.uncachedWithoutData = medianRound(rounds.without);
    }
  }
  await stop(withoutReplays.child);
  await stop(uncachedSite.child);
  await stop(uncachedWithoutData.child);
  await stop(raw.child);
  await stop(nginx?.child);

  if (PARTS.has('browser')) {
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
      page.lighthouse = {
        ...runs[Math.floor(runs.length / 2)],
        performanceRuns: runs.map((run) => `${run.performance} (CPU ${run.benchmarkIndex})`),
      };
    }
  }

  const markdown = (header, rows) =>
    [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
  const serverTable = markdown(
    [
      'what',
      'KB',
      'site req/s',
      'without replays req/s',
      'raw Node req/s',
      'nginx req/s',
      'site ÷ raw Node (target ≥ 0.25)',
      'without replays ÷ raw Node',
      'site ÷ nginx',
      'p50 / p99 ms site',
      'p50 / p99 ms without replays',
      'p50 / p99 ms raw',
    ],
    targets
      .filter((t) => t.site)
      .map((t) => [
        t.name,
        kb(t.body.length),
        Math.round(t.site.rps),
        Math.round(t.withoutReplays.rps),
        Math.round(t.raw.rps),
        t.nginx ? Math.round(t.nginx.rps) : '–',
        ratio(t.site.rps, t.raw.rps),
        ratio(t.withoutReplays.rps, t.raw.rps),
        t.nginx ? ratio(t.site.rps, t.nginx.rps) : '–',
        `${t.site.p50.toFixed(2)} / ${t.site.p99.toFixed(2)}`,
        `${t.withoutReplays.p50.toFixed(2)} / ${t.withoutReplays.p99.toFixed(2)}`,
        `${t.raw.p50.toFixed(2)} / ${t.raw.p99.toFixed(2)}`,
      ]),
  );
  const uncachedTable = markdown(
    [
      'uncached render',
      'req/s (target ≥ 150)',
      'p50 / p90 / p99 ms (p99 target ≤ 250)',
      'without the data cache: req/s',
      'p50 / p90 / p99 ms',
      'req/s of each round',
    ],
    pages
      .filter((p) => p.uncached)
      .map((p) => [
        p.path,
        Math.round(p.uncached.rps),
        [p.uncached.p50, p.uncached.p90, p.uncached.p99].map((ms) => ms.toFixed(1)).join(' / '),
        Math.round(p.uncachedWithoutData.rps),
        [p.uncachedWithoutData.p50, p.uncachedWithoutData.p90, p.uncachedWithoutData.p99]
          .map((ms) => ms.toFixed(1))
          .join(' / '),
        p.uncachedRounds.join(', '),
      ]),
  );
  const pageTable = markdown(
    [
      'page',
      'HTML KB',
      'first-load JS KB gzip',
      `Lighthouse perf / a11y / BP / SEO (median of ${LIGHTHOUSE_RUNS})`,
      'LCP / TBT ms',
      'perf of each run (Lighthouse CPU benchmark index)',
    ],
    pages
      .filter((p) => p.lighthouse)
      .map((p) => [
        p.name,
        kb(p.htmlBytes),
        kb(p.js.total),
        `${p.lighthouse.performance} / ${p.lighthouse.accessibility} / ${p.lighthouse.bestPractices} / ${p.lighthouse.seo}`,
        `${p.lighthouse.lcpMs} / ${p.lighthouse.tbtMs}`,
        p.lighthouse.performanceRuns.join(', '),
      ]),
  );
  const table = `${serverTable}\n\n${uncachedTable}\n\n${pageTable}`;
  console.log(`\n${table}\n`);
  for (const p of pages)
    if (p.lighthouse?.failed.length) console.log(`Lighthouse ${p.name}: below 1 — ${p.lighthouse.failed.join(', ')}`);

  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `web-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        started,
        durationSeconds: DURATION,
        connections: CONNECTIONS,
        cms: 'sqlite',
        nginx: Boolean(nginx),
        targets: targets.map(({ body, ...t }) => ({ ...t, bytes: body.length })),
        pages,
        table,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`[bench] ${file}`);
} finally {
  await stop(raw?.child);
  await stop(nginx?.child);
  await stop(uncachedSite?.child);
  await stop(uncachedWithoutData?.child);
  await stop(withoutReplays?.child);
  await stop(site?.child);
  await stop(cms.child);
  rmSync(filesDir, { recursive: true, force: true });
}

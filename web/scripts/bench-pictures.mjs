// Benchmark of the pictures (not a test; `node scripts/bench-pictures.mjs`, under the heavy lock):
// one production build of the site (`nuxi build`, or BENCH_OUTPUT_DIR already built), two CMSes
// with the demo content, one with its pictures and one without (SEED_PICTURES=never: the content
// as it was before), a site in front of each. Then:
// - /_ipx (server/image/ipx.ts): the time of a cold request (source fetched from the CMS and
//   encoded) and of warm ones (read from the disk cache) for AVIF and WebP at two widths, as the
//   client measures it and as the server's `server-timing` says;
// - the gzip JavaScript of a first load in Chromium (scripts/lib/first-load-js.mjs) of the pages
//   that show pictures, with and without them;
// - Lighthouse mobile (as scripts/bench.mjs) on a module page, with and without its cover,
//   BENCH_LIGHTHOUSE_RUNS runs each (3), the median run by performance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { firstLoadJs } from './lib/first-load-js.mjs';
import { buildSite, CHROMIUM, CHROMIUM_FLAGS, cmsQuery, lighthouseReport } from './lib/bench-site.mjs';
import { startCms, startSite, stop, webDir } from './servers.mjs';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const outputDir = process.env.BENCH_OUTPUT_DIR ?? join(webDir, '.output-bench');

// BENCH_OUTPUT_DIR: a build already there (the browser tests' own, say).
if (!process.env.BENCH_OUTPUT_DIR) buildSite(webDir, outputDir, 'pictures');

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms, server: response.headers.get('server-timing'), bytes: Number(response.headers.get('content-length')) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function lighthouseRun(url) {
  const lhr = await lighthouseReport(url);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.nodeLabel,
  };
}

const children = [];
const cacheDir = mkdtempSync(join(tmpdir(), 'academy-bench-images-'));
try {
  console.log('[pictures] starting two CMSes (with and without the demo pictures)');
  const [withPictures, without] = await Promise.all([startCms(), startCms({ env: { SEED_PICTURES: 'never' } })]);
  children.push(withPictures.child, without.child);
  const env = { NUXT_IMAGE_CACHE_DIR: cacheDir };
  const site = await startSite(outputDir, withPictures.url, { env });
  const before = await startSite(outputDir, without.url, { env });
  children.push(site.child, before.child);

  const data = await cmsQuery(
    withPictures.url,
    `{ modules(locale: "en", sort: "documentId", pagination: { limit: 1 }) { slug cover { url width } }
       jobSheets(locale: "en", sort: "documentId", pagination: { limit: 1 }) { slug }
       interviews(locale: "en", sort: "documentId", pagination: { limit: 1 }) { slug }
       organisations(locale: "en", filters: { isConsortiumPartner: { eq: true } }, pagination: { limit: 1 }) { slug } }`,
  );
  const file = data.modules[0].cover.url.replace(/^.*\/uploads\//, '');

  // 1. Cold and warm /_ipx requests.
  console.log('\n| variant | cold ms (server) | warm ms, median of 10 (server) | bytes |\n|---|---|---|---|');
  for (const format of ['avif', 'webp']) {
    for (const width of [640, 1280]) {
      const url = `${site.url}/_ipx/f_${format}&w_${width}/${file}`;
      const cold = await timed(url);
      const warm = [];
      for (let i = 0; i < 10; i++) warm.push(await timed(url));
      const serverMs = (t) => /dur=([\d.]+)/.exec(t.server ?? '')?.[1];
      console.log(
        `| ${format} ${width} w | ${cold.ms.toFixed(1)} (${cold.server}) | ${median(warm.map((w) => w.ms)).toFixed(1)} (${median(warm.map((w) => Number(serverMs(w))))} ms) | ${cold.bytes} |`,
      );
    }
  }

  // 2. First-load JavaScript.
  const pages = [
    { name: 'module', path: `/en/modules/${data.modules[0].slug}` },
    { name: 'job sheet', path: `/en/jobs/${data.jobSheets[0].slug}` },
    { name: 'interview', path: `/en/interviews/${data.interviews[0].slug}` },
    { name: 'organisation', path: `/en/atlas/${data.organisations[0].slug}` },
    { name: 'interviews list', path: '/en/interviews' },
    { name: 'Atlas list', path: '/en/atlas' },
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  console.log('\n| page | first-load JS KB gzip, with pictures | without |\n|---|---|---|');
  try {
    const after = await browser.newContext({ baseURL: site.url });
    const plain = await browser.newContext({ baseURL: before.url });
    for (const page of pages) {
      const a = await firstLoadJs(after, page.path);
      const b = await firstLoadJs(plain, page.path);
      console.log(`| ${page.name} | ${(a.total / 1024).toFixed(1)} | ${(b.total / 1024).toFixed(1)} |`);
    }
  } finally {
    await browser.close();
  }

  // 3. Lighthouse on a module page, with and without its cover.
  if (RUNS > 0) {
    console.log(
      '\n| module page | performance | a11y | best practices | SEO | LCP ms | CLS | LCP element |\n|---|---|---|---|---|---|---|---|',
    );
    for (const [label, origin] of [
      ['without pictures', before.url],
      ['with pictures', site.url],
    ]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(`${origin}${pages[0].path}`));
      runs.sort((a, b) => a.performance - b.performance);
      const m = runs[Math.floor(runs.length / 2)];
      console.log(
        `| ${label} | ${m.performance} (runs ${runs.map((r) => r.performance).join(', ')}) | ${m.accessibility} | ${m.bestPractices} | ${m.seo} | ${m.lcpMs} | ${m.cls.toFixed(3)} | ${m.lcpElement ?? ''} |`,
      );
    }
  }
} finally {
  for (const child of children) await stop(child);
  rmSync(cacheDir, { recursive: true, force: true });
}

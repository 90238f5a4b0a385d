// What the site's benchmarks share: building the site into their own folder, asking the CMS, the
// five pages they measure, the Chromium they measure them in and Lighthouse's run.
import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

export { CHROMIUM, CHROMIUM_FLAGS };

/** Builds the site into `outputDir` (`cwd`: the site's folder); BENCH_SKIP_BUILD=1 keeps the build there. */
export function buildSite(cwd, outputDir, label = 'bench') {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  console.log(`[${label}] building the site`);
  const result = spawnSync('nuxi', ['build'], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NUXT_OUTPUT_DIR: outputDir },
  });
  if (result.status !== 0) throw new Error('nuxi build failed');
}

/** A public GraphQL query to the CMS; its data, or an error with the CMS's errors. */
export async function cmsQuery(cmsUrl, query) {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The five pages the benchmarks measure, in English: their entries are the first demo module and job sheet. */
export async function benchPages(cmsUrl) {
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
  ];
}

/**
 * One Lighthouse mobile run of `url` (default emulation and simulated throttling: performance,
 * accessibility, best practices, SEO) in a fresh Chromium: its report. A run Lighthouse could not
 * measure (e.g. NO_NAVSTART on a loaded machine) throws.
 */
export async function lighthouseReport(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.code}`);
    return lhr;
  } finally {
    await chrome.kill();
  }
}

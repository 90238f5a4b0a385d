// Benchmark of the publishing pipeline (not a test; `npm run bench`). In one run on this machine:
// the real CMS (throwaway SQLite, demo content), the production build of the site with its page
// cache (in process; NUXT_CONTENT_TTL as in production), the two sharing the purge secret. Then,
// BENCH_PUBLISH_CHANGES times (20), as an editor in the content manager:
// - publish → visible: a French module draft is published while the list of modules and the home
//   (and the detail, a 404 before) are cached; the time until the list shows it AND its page
//   answers 200;
// - unpublish → gone: the time until its page answers 404 AND the list no longer shows it.
// Each is polled every 50 ms. Prints the median and p95 of both (target: p95 ≤ 10 s, ~2 s typical),
// and, to show what a cache hit costs, requests per second of a cached page against robots.txt
// (autocannon, BENCH_DURATION seconds, 10). Writes the figures to bench-results/publishing-<time>.json.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startPlatform, webDir } from './servers.mjs';

const CHANGES = Number(process.env.BENCH_PUBLISH_CHANGES ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const outputDir = join(webDir, '.output-bench-publishing');
const resultsDir = join(webDir, '..', 'bench-results');

console.log('[bench:publishing] building the site');
const build = spawnSync('nuxi', ['build'], {
  cwd: webDir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NUXT_OUTPUT_DIR: outputDir },
});
if (build.status !== 0) throw new Error('nuxi build failed');

const admin = { email: 'bench-editor@example.org', password: `Bench-${randomBytes(9).toString('base64url')}1` };
const platform = await startPlatform(outputDir, {
  env: { DEV_ADMIN_EMAIL: admin.email, DEV_ADMIN_PASSWORD: admin.password },
});
const { cms, site } = platform;

async function adminApi(token, path, init = {}) {
  const response = await fetch(`${cms.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const page = async (path) => {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, body: await response.text() };
};

async function until(check) {
  const started = performance.now();
  for (;;) {
    if (await check()) return (performance.now() - started) / 1000;
    if (performance.now() - started > 60_000) throw new Error('not within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function rps(path) {
  const result = await autocannon({ url: `${site.url}${path}`, connections: CONNECTIONS, duration: DURATION });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures) throw new Error(`${path}: ${failures} failed requests`);
  return result.requests.average;
}

try {
  const login = await (
    await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    })
  ).json();
  const token = login.data.token;
  const MODULE = 'api::module.module';
  const list = '/fr/modules';
  const visible = [];
  const gone = [];
  for (let n = 0; n < CHANGES; n++) {
    const slug = `bench-${Date.now().toString(36)}-${n}`;
    const title = `Module de mesure ${slug}`;
    const { data } = await adminApi(token, `/content-manager/collection-types/${MODULE}?locale=fr`, {
      method: 'POST',
      body: JSON.stringify({ title, slug, level: 'discovery', summary: 'Mesure.' }),
    });
    const detail = `/fr/modules/${slug}`;
    await page(list);
    await page('/fr');
    await adminApi(token, `/content-manager/collection-types/${MODULE}/${data.documentId}/actions/publish?locale=fr`, {
      method: 'POST',
      body: '{}',
    });
    visible.push(
      await until(async () => (await page(list)).body.includes(title) && (await page(detail)).status === 200),
    );
    await adminApi(
      token,
      `/content-manager/collection-types/${MODULE}/${data.documentId}/actions/unpublish?locale=fr`,
      { method: 'POST', body: '{}' },
    );
    gone.push(await until(async () => (await page(detail)).status === 404 && !(await page(list)).body.includes(title)));
    await adminApi(token, `/content-manager/collection-types/${MODULE}/${data.documentId}?locale=fr`, {
      method: 'DELETE',
    });
    console.log(
      `[bench:publishing] ${n + 1}/${CHANGES}: visible ${visible.at(-1).toFixed(2)} s, gone ${gone.at(-1).toFixed(2)} s`,
    );
  }
  const figures = {
    changes: CHANGES,
    publishToVisible: { medianS: percentile(visible, 50), p95S: percentile(visible, 95), all: visible },
    unpublishToGone: { medianS: percentile(gone, 50), p95S: percentile(gone, 95), all: gone },
  };
  await page(list);
  const cached = await rps(list);
  const robots = await rps('/robots.txt');
  figures.cachedPage = { path: list, rps: cached, robotsTxtRps: robots, ratio: cached / robots };
  console.log('\n| change | median s | p95 s |\n|---|---|---|');
  console.log(
    `| publish → visible (list and page) | ${figures.publishToVisible.medianS.toFixed(2)} | ${figures.publishToVisible.p95S.toFixed(2)} |`,
  );
  console.log(
    `| unpublish → gone (page 404, list) | ${figures.unpublishToGone.medianS.toFixed(2)} | ${figures.unpublishToGone.p95S.toFixed(2)} |`,
  );
  console.log(
    `\ncached ${list}: ${cached.toFixed(0)} req/s; robots.txt: ${robots.toFixed(0)} req/s (${(100 * figures.cachedPage.ratio).toFixed(0)} %)`,
  );
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, `publishing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
} finally {
  await platform.stop();
}

// What the site's benchmarks share: building the site into their own folder, and asking the CMS.
import { spawnSync } from 'node:child_process';

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

// `npm start` for the site: builds it when its sources changed since the last build (like the CMS
// does for its admin panel), then serves it on PORT_WEB (3000) against the CMS at CMS_URL
// (default http://127.0.0.1:$PORT or 1337). Pages answer 503 until the CMS is up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cmsDir } from 'cms/env';
import { webDir } from './servers.mjs';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = newest(join(webDir, '.output', 'nitro.json'));
const sources = ['app', 'server', 'shared', 'i18n', 'public', 'nuxt.config.ts', 'package.json'].map((p) =>
  newest(join(webDir, p)),
);
if (!builtAt || Math.max(...sources) > builtAt) {
  console.log('[web] building the site (about a minute, once)');
  const build = spawnSync('nuxi', ['build'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NUXT_OUTPUT_DIR: '' },
  });
  if (build.error) console.error(`[web] could not run nuxi (run through pnpm, e.g. npm start): ${build.error.message}`);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * A value the site shares with the CMS (the forwarding, purge and preview secrets, the preview
 * token): from the environment, else the one `npm start` wrote into cms/.env.
 */
function shared(name) {
  if (process.env[name]) return process.env[name];
  const file = join(cmsDir, '.env');
  return existsSync(file) ? (readFileSync(file, 'utf8').match(new RegExp(`^${name}=(\\S+)$`, 'm'))?.[1] ?? '') : '';
}
const SHARED = ['SITE_FORWARDING_SECRET', 'SITE_PURGE_SECRET', 'PREVIEW_SECRET', 'CMS_PREVIEW_TOKEN'];

const port = process.env.PORT_WEB ?? '3000';
// This machine only unless HOST says otherwise (the container image sets 0.0.0.0).
const host = process.env.HOST ?? '127.0.0.1';
const cmsUrl = process.env.CMS_URL ?? `http://127.0.0.1:${process.env.PORT ?? 1337}`;
const siteUrl = process.env.SITE_PUBLIC_URL ?? `http://localhost:${port}`;
console.log(`[web] the site: ${siteUrl} (CMS ${cmsUrl})`);
const child = spawn(process.execPath, [join(webDir, '.output', 'server', 'index.mjs')], {
  cwd: webDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    ...Object.fromEntries(SHARED.map((name) => [name, shared(name)])),
    // The admin panel frames previews (as localhost or 127.0.0.1).
    PREVIEW_ADMIN_ORIGIN:
      process.env.PREVIEW_ADMIN_ORIGIN ??
      `http://localhost:${process.env.PORT ?? 1337} http://127.0.0.1:${process.env.PORT ?? 1337}`,
    HOST: host,
    PORT: port,
    NUXT_CMS_URL: cmsUrl,
    NUXT_PUBLIC_SITE_URL: siteUrl,
    NUXT_PUBLIC_I18N_BASE_URL: siteUrl,
    NUXT_SITE_URL: siteUrl,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

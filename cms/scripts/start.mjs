// `npm start` for the CMS: secrets in .env on first run, an admin build when sources changed,
// then `strapi start` (the demo content loads itself on the first start).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cmsDir, ensureDotEnv } from './env.mjs';

ensureDotEnv();

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = newest(join(cmsDir, 'dist', 'build', 'index.html'));
const sourcesAt = Math.max(...['src', 'config', 'package.json', 'tsconfig.json'].map((p) => newest(join(cmsDir, p))));
if (!builtAt || sourcesAt > builtAt) {
  console.log('[cms] building the admin panel and the server (about a minute, once)');
  const build = spawnSync('strapi', ['build'], { cwd: cmsDir, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn('strapi', ['start'], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

// `npm start` for the CMS: secrets in .env on first run, an admin build when sources changed,
// a local mail catcher (MailDev) for the mails the CMS sends, then `strapi start` (the demo
// content loads itself on the first start).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cmsDir, ensureDotEnv, filesHoldingSecrets, secretValues } from './env.mjs';

const dotEnv = ensureDotEnv();
process.loadEnvFile(dotEnv); // the environment wins over the file, as for Strapi

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = newest(join(cmsDir, 'dist', 'build', 'index.html'));
const sourcesAt = Math.max(...['src', 'config', 'package.json', 'tsconfig.json'].map((p) => newest(join(cmsDir, p))));
// An admin panel built before the development admin's variables were renamed published its
// password: such a build is replaced, whatever its age.
const leaked = builtAt
  ? filesHoldingSecrets(join(cmsDir, 'dist', 'build'), secretValues(readFileSync(dotEnv, 'utf8')))
  : [];
if (leaked.length)
  console.log(
    `[cms] the admin panel build holds secrets of cms/.env (${[...new Set(leaked.map((l) => l.name))].join(', ')}): rebuilding it`,
  );
if (!builtAt || sourcesAt > builtAt || leaked.length) {
  console.log('[cms] building the admin panel and the server (about a minute, once)');
  const build = spawnSync('strapi', ['build'], {
    cwd: cmsDir,
    stdio: 'inherit',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * MailDev catches every mail sent to the local SMTP port (SMTP_PORT, 1025) and shows it at
 * http://localhost:1080 (MAIL_CATCHER_WEB_PORT). Skipped when SMTP_HOST points elsewhere or
 * MAIL_CATCHER=off.
 */
function startMailCatcher() {
  const local = ['127.0.0.1', 'localhost', '::1'].includes(process.env.SMTP_HOST ?? '127.0.0.1');
  if (!local || process.env.MAIL_CATCHER === 'off') return null;
  const smtp = process.env.SMTP_PORT ?? '1025';
  const web = process.env.MAIL_CATCHER_WEB_PORT ?? '1080';
  const catcher = spawn(
    join(cmsDir, 'node_modules', '.bin', 'maildev'),
    ['--smtp', smtp, '--ip', '127.0.0.1', '--web', web, '--web-ip', '127.0.0.1'],
    {
      cwd: cmsDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  catcher.on('exit', (code) => {
    if (code)
      console.warn(
        `[cms] the mail catcher stopped (is port ${smtp} or ${web} taken?): mails wait in the outbox and are retried`,
      );
  });
  console.log(`[cms] mail catcher: the mails the CMS sends are at http://localhost:${web}`);
  return catcher;
}
const catcher = startMailCatcher();

const child = spawn('strapi', ['start'], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    catcher?.kill(signal);
    child.kill(signal);
  });
}
child.on('exit', (code) => {
  catcher?.kill();
  process.exit(code ?? 0);
});

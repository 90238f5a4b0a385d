// Starts the real CMS (scripts/cms.mjs, throwaway SQLite + demo content) and a built site pointing
// at it, each on a free port. Used by the browser tests.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node args` and resolves once a stdout line matches `ready` (with the match and the
 * output so far). With `log`, everything the process writes (stdout and stderr) also goes to that file.
 */
function startProcess(args, { env, ready, timeoutMs, name, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: webDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (log) {
      const file = createWriteStream(log, { flags: 'a' });
      child.stdout.pipe(file);
      child.stderr.pipe(file);
    }
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * The CMS for the site's tests and benchmark. `options.env` adds to its environment (the mail
 * catcher's SMTP port, SITE_URL for the self-service links, the forwarding secret, limits);
 * `options.args` adds to scripts/cms.mjs's arguments (`--sessions=…`).
 */
export async function startCms({ env: extra = {}, args = [] } = {}) {
  const env = { DATABASE_URL: '', STRAPI_LOG_LEVEL: 'error', ...extra };
  const { child, match, output } = await startProcess(['scripts/cms.mjs', '--fixtures', ...args], {
    env,
    ready: /CMS_URL=(\S+)/,
    timeoutMs: 300_000,
    name: 'CMS',
  });
  // The fixture files of the media library (scripts/cms-fixtures.mjs TEST_UPLOADS): key → URL path.
  const uploads = JSON.parse(output.match(/TEST_UPLOADS=(\S+)/)?.[1] ?? '{}');
  return { child, url: match[1], uploads };
}

/**
 * The built site in `outputDir` against the CMS at `cmsUrl`, on `options.port` (or a free one);
 * `options.log`: a file that receives everything the site's process writes.
 */
export async function startSite(outputDir, cmsUrl, { port: chosen, env: extra = {}, log } = {}) {
  const port = chosen ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...extra,
    PORT: String(port),
    HOST: '127.0.0.1',
    NUXT_CMS_URL: cmsUrl,
    NUXT_PUBLIC_SITE_URL: url,
    NUXT_PUBLIC_I18N_BASE_URL: url,
    NUXT_SITE_URL: url,
  };
  const { child } = await startProcess([join(outputDir, 'server', 'index.mjs')], {
    env,
    ready: /Listening on/,
    timeoutMs: 60_000,
    name: 'site',
    log,
  });
  return { child, url };
}

/**
 * MailDev (the mail catcher `npm start` runs) on free ports: the CMS sends to `smtpPort`, tests
 * read what arrived from its REST API at `url` (GET /api/email: subject, text, html, to, attachments).
 */
export async function startMailCatcher() {
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  const bin = join(webDir, '..', 'cms', 'node_modules', '.bin', 'maildev');
  const child = spawn(
    bin,
    ['--smtp', String(smtpPort), '--ip', '127.0.0.1', '--web', String(webPort), '--web-ip', '127.0.0.1', '--silent'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${webPort}`;
  for (const until = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`the mail catcher exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, smtpPort, url };
    if (Date.now() > until) throw new Error('the mail catcher did not start in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The platform as `npm start` runs it, on free ports: a mail catcher, the CMS (throwaway SQLite,
 * demo content and test fixtures) mailing to it with self-service links to the site, and the
 * built site in `outputDir`, the two sharing a forwarding secret (the CMS trusts the reader IPs
 * the site passes on). `env` adds to the CMS's environment (limits), `args` to scripts/cms.mjs's,
 * `siteEnv` to the site's; `siteLog` is a file for everything the site's process writes.
 * Resolves with { mail, cms, site, shared, stop }.
 */
export async function startPlatform(outputDir, { env = {}, args = [], siteEnv = {}, siteLog } = {}) {
  const mail = await startMailCatcher();
  const sitePort = await freePort();
  // What the CMS and the site share: the forwarding, purge and preview secrets, the preview token
  // (a full-access API token the CMS creates at start, outside production, from CMS_PREVIEW_TOKEN).
  const forwarding = {
    SITE_FORWARDING_SECRET: randomBytes(24).toString('base64url'),
    SITE_PURGE_SECRET: randomBytes(24).toString('base64url'),
    PREVIEW_SECRET: randomBytes(24).toString('base64url'),
    CMS_PREVIEW_TOKEN: randomBytes(48).toString('hex'),
  };
  const cms = await startCms({
    env: {
      ...forwarding,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.smtpPort),
      SITE_URL: `http://127.0.0.1:${sitePort}`,
      ...env,
    },
    args,
  }).catch(async (error) => {
    await stop(mail.child);
    throw error;
  });
  const site = await startSite(outputDir, cms.url, {
    port: sitePort,
    env: { ...forwarding, PREVIEW_ADMIN_ORIGIN: cms.url, ...siteEnv },
    log: siteLog,
  }).catch(async (error) => {
    await stop(cms.child);
    await stop(mail.child);
    throw error;
  });
  return {
    mail,
    cms,
    site,
    shared: forwarding,
    async stop() {
      await stop(site.child);
      await stop(cms.child);
      await stop(mail.child);
    },
  };
}

export function stop(child) {
  return new Promise((resolve) => {
    // Already gone (exited, or killed by a signal: then exitCode stays null and no exit event comes).
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    // Not unref'd: a caller about to exit waits for the kill (else the child outlived it, still
    // serving, e.g. a CMS slow to stop on a loaded machine).
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

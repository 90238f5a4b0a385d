// Starts the real CMS (scripts/cms.mjs, throwaway SQLite + demo content) and a built site pointing
// at it, each on a free port. Used by the browser tests.
import { spawn } from 'node:child_process';
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

/** Spawns `node args` and resolves once a stdout line matches `ready` (with the match). */
function startProcess(args, { env, ready, timeoutMs, name }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: webDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
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

export async function startCms() {
  const env = { DATABASE_URL: '', STRAPI_LOG_LEVEL: 'error' };
  const { child, match } = await startProcess(['scripts/cms.mjs', '--fixtures'], { env, ready: /CMS_URL=(\S+)/, timeoutMs: 300_000, name: 'CMS' });
  return { child, url: match[1] };
}

export async function startSite(outputDir, cmsUrl) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), HOST: '127.0.0.1', NUXT_CMS_URL: cmsUrl, NUXT_PUBLIC_SITE_URL: url, NUXT_PUBLIC_I18N_BASE_URL: url, NUXT_SITE_URL: url };
  const { child } = await startProcess([join(outputDir, 'server', 'index.mjs')], { env, ready: /Listening on/, timeoutMs: 60_000, name: 'site' });
  return { child, url };
}

export function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

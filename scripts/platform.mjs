#!/usr/bin/env node
// Entry point of `npm start` / `npm test` / `npm run lint` / `npm run typecheck` / `npm run test:unit` /
// `npm run format` / `npm run seed` / `npm run bench`.
//
// Runs on any Node >= 18. When the machine's Node is older than the runtime we target (24 LTS)
// or pnpm is missing, it brings both from the npm registry into `.tools/` (nothing global is
// touched), points native-addon builds at the Node 24 headers, installs the workspace from the
// lockfile and then runs the task with Node 24 on the PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_VERSION = '24.21.0';
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsDir = join(root, '.tools');
const task = process.argv[2] ?? 'start';

function log(message) {
  console.log(`\x1b[36m[platform]\x1b[0m ${message}`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`[platform] failed: ${cmd} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

function major(version) {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

/** Node 24 binary and headers: the machine's own when recent enough, else the npm `node` package. */
function ensureNode() {
  if (major(process.version) >= 24) {
    return { bin: process.execPath, headers: resolve(dirname(process.execPath), '..') };
  }
  const pkgDir = join(toolsDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  const bin = join(pkgDir, 'bin', 'node');
  if (!existsSync(bin) || !spawnSync(bin, ['-v']).stdout?.toString().includes(NODE_VERSION)) {
    log(`Node ${process.version} is too old: installing Node ${NODE_VERSION} into .tools/ from the npm registry`);
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(join(toolsDir, 'package.json'), JSON.stringify({ private: true }) + '\n');
    run('npm', [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `node@${NODE_VERSION}`,
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  return { bin, headers: pkgDir };
}

function ensurePnpm() {
  const local = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (existsSync(local)) return local;
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return null; // the machine's pnpm
  log(`installing pnpm ${PNPM_VERSION} into .tools/`);
  mkdirSync(toolsDir, { recursive: true });
  if (!existsSync(join(toolsDir, 'package.json'))) writeFileSync(join(toolsDir, 'package.json'), '{"private":true}\n');
  run('npm', [
    'install',
    '--prefix',
    toolsDir,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    `pnpm@${PNPM_VERSION}`,
  ]);
  return local;
}

const node = ensureNode();
const pnpmScript = ensurePnpm();
const binDir = join(toolsDir, 'bin');
mkdirSync(binDir, { recursive: true });
// A `pnpm` shim on the PATH so that scripts calling pnpm get the pinned one on Node 24.
if (pnpmScript) {
  writeFileSync(join(binDir, 'pnpm'), `#!/bin/sh\nexec "${node.bin}" "${pnpmScript}" "$@"\n`, { mode: 0o755 });
}
const env = {
  ...process.env,
  PATH: [dirname(node.bin), binDir, process.env.PATH].join(':'),
  // Native addons (better-sqlite3) must compile against the headers of the Node that loads them.
  npm_config_nodedir: node.headers,
  COREPACK_ENABLE_STRICT: '0',
};
for (const key of Object.keys(env)) {
  // npm passes its own config down to scripts; some of it (nodedir of the old Node) would mislead pnpm.
  if (key.startsWith('npm_config_') && key !== 'npm_config_nodedir' && key !== 'npm_config_cache') delete env[key];
  if (key.startsWith('npm_package_') || key === 'npm_lifecycle_event' || key === 'npm_lifecycle_script')
    delete env[key];
}
delete env.NODE;
delete env.npm_execpath;
delete env.npm_node_execpath;

const pnpm = (args, options = {}) =>
  run(pnpmScript ? node.bin : 'pnpm', pnpmScript ? [pnpmScript, ...args] : args, { env, ...options });

// Install from the lockfile when node_modules is missing or older than the lockfile.
const stamp = join(root, 'node_modules', '.platform-install');
const lock = join(root, 'pnpm-lock.yaml');
const needsInstall = !existsSync(stamp) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(stamp).mtimeMs);
if (needsInstall) {
  log('installing dependencies from pnpm-lock.yaml');
  pnpm(['install', ...(existsSync(lock) ? ['--frozen-lockfile'] : [])]);
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

const tasks = {
  // The CMS and the site side by side (each package's platform:start).
  // cms/.env (secrets, and the forwarding secret the site shares) exists before either starts.
  start: async () => {
    const { ensureDotEnv } = await import('../cms/scripts/env.mjs');
    ensureDotEnv();
    pnpm(['-r', '--parallel', 'run', 'platform:start']);
  },
  // Both towers' style, then their types (fails in a minute, before the suites' ten).
  lint: () => {
    pnpm(['exec', 'eslint', '.']);
    pnpm(['-r', '--workspace-concurrency=1', 'run', 'lint']);
    pnpm(['exec', 'prettier', '--check', '.']);
  },
  typecheck: () => pnpm(['-r', '--workspace-concurrency=1', 'run', 'typecheck']),
  // The unit tests of both towers in one vitest run (vitest.config.ts): seconds, nothing booted.
  'test:unit': () => pnpm(['exec', 'vitest', 'run']),
  // Twice: Prettier 3 settles a few long chains only on a second pass (then --check agrees).
  format: () => {
    pnpm(['exec', 'prettier', '--write', '--log-level', 'warn', '.']);
    pnpm(['exec', 'prettier', '--write', '--log-level', 'warn', '.']);
  },
  // Fail fast: lint, types and units of both towers, then the booted suites (the CMS on SQLite and
  // PostgreSQL, the site built and driven in Chromium).
  test: async () => {
    await tasks.lint();
    await tasks.typecheck();
    await tasks['test:unit']();
    pnpm(['--filter', 'cms', 'run', 'test:suite']);
    pnpm(['--filter', 'web', 'run', 'test:suite']);
  },
  seed: () => pnpm(['--filter', 'cms', 'run', 'seed']),
  bench: () => pnpm(['-r', '--workspace-concurrency=1', 'run', 'bench']),
};
if (!tasks[task]) {
  console.error(`[platform] unknown task "${task}": use ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
await tasks[task]();

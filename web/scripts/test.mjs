// `pnpm test` for the site: typed documents up to date, type check, units, then the browser suite
// against the real CMS and the real built site (the tests that need pages past their TTL start a
// site of their own with a short one). `--suite` (`pnpm test:suite`, what the root's `npm test`
// runs after linting, type-checking and the units of both towers) skips the first three.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { cmsDir, generateDotEnv } from 'cms/env';
import { startPlatform, webDir } from './servers.mjs';

function run(label, cmd, args, env = {}, cwd = webDir) {
  console.log(`\n[web] ${label}`);
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[web] failed: ${label}`);
    process.exit(result.status ?? 1);
  }
}

const outputDir = join(webDir, '.output-test');
if (!process.argv.includes('--suite')) {
  run('GraphQL documents match cms/schema.graphql (graphql-codegen --check)', 'graphql-codegen', [
    '--config',
    'codegen.ts',
    '--check',
  ]);
  run('type check (nuxi typecheck)', 'nuxi', ['typecheck']);
  run('unit tests', 'vitest', ['run', 'tests/unit']);
}
// Both builds run with the secrets of a fresh cms/.env in their environment, as `npm start` has
// them; tests/published then looks for every one of them in what the builds publish.
const dotEnv = generateDotEnv().text;
const dotEnvFile = join(mkdtempSync(join(tmpdir(), 'academy-dotenv-')), '.env');
writeFileSync(dotEnvFile, dotEnv, { mode: 0o600 });
const secretsEnv = parseEnv(dotEnv);
run('build the site for the browser tests', 'nuxi', ['build'], { ...secretsEnv, NUXT_OUTPUT_DIR: outputDir });
run(
  'build the admin panel (as npm start does)',
  join(cmsDir, 'node_modules', '.bin', 'strapi'),
  ['build'],
  { ...secretsEnv, STRAPI_TELEMETRY_DISABLED: 'true' },
  cmsDir,
);
run('no secret of cms/.env in what the builds publish', 'vitest', ['run', 'tests/published'], {
  DOTENV_FILE: dotEnvFile,
  SITE_PUBLIC_DIR: join(outputDir, 'public'),
});

console.log('\n[web] starting a mail catcher, the CMS (throwaway SQLite, demo content) and the site');
// The editor the publishing tests log in as (the CMS creates it at start, outside production).
const editor = {
  CMS_ADMIN_EMAIL: 'editor@example.org',
  CMS_ADMIN_PASSWORD: `Editor-${randomBytes(9).toString('base64url')}1`,
};
// Everything the site's process writes (the outage tests read it: no self-service token in it).
const logDir = mkdtempSync(join(tmpdir(), 'academy-web-test-'));
const siteLog = join(logDir, 'site.log');
const platform = await startPlatform(outputDir, {
  // The admin panel just built, served at /admin (tests/browser/admin*.test.ts drive it).
  args: ['--admin'],
  // The browser tests register many times from one address, faster than a person would.
  env: {
    REGISTRATION_RATE_LIMIT_MAX: '1000',
    REGISTRATION_MIN_FILL_S: '1',
    MODULE_USE_RATE_LIMIT_MAX: '1000',
    DEV_ADMIN_EMAIL: editor.CMS_ADMIN_EMAIL,
    DEV_ADMIN_PASSWORD: editor.CMS_ADMIN_PASSWORD,
  },
  siteLog,
});
const { cms, site, mail } = platform;
let status;
try {
  console.log(`[web] CMS ${cms.url}, site ${site.url}, mails ${mail.url}`);
  const env = {
    ...process.env,
    ...editor,
    SITE_URL: site.url,
    CMS_URL: cms.url,
    CMS_PID: String(cms.child.pid),
    MAIL_URL: mail.url,
    SITE_LOG: siteLog,
    SITE_OUTPUT_DIR: outputDir,
    TEST_UPLOADS: JSON.stringify(cms.uploads),
    CMS_PREVIEW_TOKEN: platform.shared.CMS_PREVIEW_TOKEN,
    SITE_PURGE_SECRET: platform.shared.SITE_PURGE_SECRET,
  };
  // Not spawnSync: this process keeps writing what the site says to its log while the tests run.
  const vitest = (...paths) =>
    new Promise((resolve) =>
      spawn('vitest', ['run', ...paths], { cwd: webDir, stdio: 'inherit', env }).on('exit', (code) =>
        resolve(code ?? 1),
      ),
    );
  // Test files named on the command line (`node scripts/test.mjs --suite tests/browser/x.test.ts`, with
  // any vitest option such as `-t <name>`): those only.
  const args = process.argv.slice(2).filter((arg) => arg !== '--suite');
  if (args.some((arg) => arg.endsWith('.test.ts'))) status = await vitest(...args);
  else {
    // The outage tests stop the CMS: they run last.
    status = await vitest('tests/browser');
    if (status === 0) status = await vitest('tests/outage');
  }
} finally {
  await platform.stop();
  rmSync(logDir, { recursive: true, force: true });
}
process.exit(status);

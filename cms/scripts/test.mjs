// The CMS suite, booted for real (vitest project `suite`; the units are `pnpm test:unit`): on
// SQLite always, then on PostgreSQL when TEST_DATABASE_URL is set (a fresh database is created for
// the run and dropped after it). Arguments go to vitest (a file: `node scripts/test.mjs tests/x.test.ts`).
import { spawnSync } from 'node:child_process';
import { withThrowawayPostgres } from './lib/throwaway-postgres.mjs';

function vitest(label, env) {
  console.log(`\n[cms] test suite on ${label}`);
  const result = spawnSync('vitest', ['run', '--project', 'suite', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const failures = [];
if (vitest('SQLite', { DATABASE_URL: '' }) !== 0) failures.push('SQLite');

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  await withThrowawayPostgres(adminUrl, 'academy_test', (url, name) => {
    if (vitest(`PostgreSQL (${name})`, { DATABASE_URL: url }) !== 0) failures.push('PostgreSQL');
  });
} else {
  console.log('[cms] TEST_DATABASE_URL is not set: the PostgreSQL pass did not run (CI sets it).');
}

if (failures.length) {
  console.error(`[cms] failed on: ${failures.join(', ')}`);
  process.exit(1);
}

// The CMS suite, booted for real: on SQLite always, then on PostgreSQL when TEST_DATABASE_URL
// is set (a fresh database is created for the run and dropped after it).
import { spawnSync } from 'node:child_process';
import pg from 'pg';

function vitest(label, env) {
  console.log(`\n[cms] test suite on ${label}`);
  const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const failures = [];
if (vitest('SQLite', { DATABASE_URL: '' }) !== 0) failures.push('SQLite');

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  const name = `academy_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    if (vitest(`PostgreSQL (${name})`, { DATABASE_URL: url.toString() }) !== 0) failures.push('PostgreSQL');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('[cms] TEST_DATABASE_URL is not set: the PostgreSQL pass did not run (CI sets it).');
}

if (failures.length) {
  console.error(`[cms] failed on: ${failures.join(', ')}`);
  process.exit(1);
}

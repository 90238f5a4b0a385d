// A fresh PostgreSQL database for one run of the tests or a benchmark, dropped afterwards.
import pg from 'pg';

/** Creates a database on the server of `adminUrl`, runs `fn(url)` with its URL, then drops it. */
export async function withThrowawayPostgres(adminUrl, prefix, fn) {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString(), name);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

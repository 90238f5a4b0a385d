// Benchmark (not a test): a crowd registering for one session at the same moment, as when a
// newsletter goes out. Wall time and registrations per second for 200 readers at once for
// 20 places (three rounds) and 1000 readers for 100 places, then the time until every mail
// reached an SMTP server. On a throwaway SQLite database, then on a fresh PostgreSQL database
// when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { withThrowawayPostgres } from './lib/throwaway-postgres.mjs';

if (process.argv[2] !== '--child') {
  const run = (label, env) => {
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`registration benchmark failed on ${label}`);
  };
  run('SQLite', { DATABASE_URL: '' });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    await withThrowawayPostgres(adminUrl, 'academy_bench', (url) => run('PostgreSQL', { DATABASE_URL: url }));
  } else {
    console.log('\n(PostgreSQL: set TEST_DATABASE_URL=postgres://user@host:5432/db to measure it too)');
  }
  process.exit(0);
}

const { SMTPServer } = createRequire(import.meta.url)('smtp-server');
let delivered = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      delivered++;
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
process.env.SMTP_HOST = '127.0.0.1';
process.env.SMTP_PORT = String(smtp.server.address().port);
process.env.REGISTRATION_RATE_LIMIT_MAX = '10000000';

const { bootStrapi } = await import('./lib/boot.mjs');
const { strapi, url, database } = await bootStrapi({ seed: 'never' });
const { signFormToken } = createRequire(import.meta.url)('../dist/src/api/registration/tokens.js');
const keys = strapi.config.get('server.app.keys');

async function session(capacity) {
  const now = Date.now();
  const created = await strapi.documents('api::training-session.training-session').create({
    locale: 'en',
    status: 'published',
    data: {
      title: `Benchmark session ${now}`,
      slug: `benchmark-session-${now}-${capacity}`,
      startsAt: new Date(now + 30 * 864e5),
      endsAt: new Date(now + 30.2 * 864e5),
      timezone: 'Europe/Brussels',
      teachingLanguage: 'en',
      format: 'online',
      capacity,
      registrationOpensAt: new Date(now - 864e5),
    },
  });
  return created.documentId;
}

const MUTATION =
  'mutation($data: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $data) { status placesLeft } }';
async function crowd(readers, capacity) {
  const id = await session(capacity);
  const before = delivered;
  const token = signFormToken(keys, id, Date.now() - 10_000);
  const bodies = Array.from({ length: readers }, (_, i) =>
    JSON.stringify({
      query: MUTATION,
      variables: {
        data: {
          session: id,
          fullName: `Reader ${i}`,
          email: `reader-${i}-${crypto.randomBytes(4).toString('hex')}@example.org`,
          consent: true,
          locale: 'en',
          formToken: token,
        },
      },
    }),
  );
  const started = performance.now();
  const answers = await Promise.all(
    bodies.map(async (body) =>
      (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json(),
    ),
  );
  const ms = performance.now() - started;
  const errors = answers.filter((a) => a.errors);
  const confirmed = answers.filter((a) => a.data?.registerForTrainingSession?.status === 'confirmed').length;
  if (errors.length || confirmed !== capacity)
    throw new Error(
      `unexpected: ${errors.length} errors, ${confirmed} confirmed: ${JSON.stringify(errors[0]?.errors)}`,
    );
  while (delivered - before < readers) await new Promise((r) => setTimeout(r, 20));
  const mailMs = performance.now() - started;
  return { readers, capacity, ms, mailMs };
}

const rows = [];
for (let round = 0; round < 3; round++) rows.push(await crowd(200, 20));
rows.push(await crowd(1000, 100));

console.log(
  `\nA crowd registering at once on ${database} (${process.env.DATABASE_URL ? 'pool of 10 connections' : 'one connection'}), over HTTP to the GraphQL endpoint\n`,
);
console.log('| readers at once | places | confirmed | wall time | registrations/s | all mails delivered after |');
console.log('|---|---|---|---|---|---|');
for (const { readers, capacity, ms, mailMs } of rows) {
  console.log(
    `| ${readers} | ${capacity} | ${capacity} (rest waitlisted) | ${(ms / 1000).toFixed(2)} s | ${Math.round(readers / (ms / 1000))} | ${(mailMs / 1000).toFixed(2)} s |`,
  );
}
await strapi.destroy();
smtp.close();
process.exit(0);

// Benchmark (not a test; part of `npm run bench`, alone: `pnpm --filter web bench:registration`):
// registrations per second through the site. A crowd sends the registration form of one session at
// once, as readers do when a newsletter goes out: each post goes to the session page, where the
// site's server (server/middleware/registration-form.ts) sends it to the CMS and answers with its
// redirect. The same crowd sent straight to the CMS's mutation, for a twin session, in the same
// run, is the baseline (the ratio is what the site's server costs). Then it checks that each
// session confirmed exactly its capacity, waitlisted the rest, and that no request failed.
// Runs: 200 readers for 20 places, 1000 for 100 (BENCH_REGISTRATION_RUNS="200:20,1000:100"),
// BENCH_REGISTRATION_CONNECTIONS (50) at a time. The real CMS (throwaway SQLite, demo content,
// a mail catcher) and the production build of the site, on this machine. Every reader has a form
// token of their own, fetched first (from the page, as a browser gets it, or from the CMS for the
// baseline); the crowd waits out the minimum fill time (1 s here), then posts.
// Prints a Markdown table and writes the figures to bench-results/web-registration-<time>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startPlatform, webDir } from './servers.mjs';

const RUNS = (process.env.BENCH_REGISTRATION_RUNS ?? '200:20,1000:100').split(',').map((run) => {
  const [readers, places] = run.split(':').map(Number);
  return { readers, places };
});
const CONNECTIONS = Number(process.env.BENCH_REGISTRATION_CONNECTIONS ?? 50);
const MIN_FILL_S = 1;
const outputDir = join(webDir, '.output-bench');
const resultsDir = join(webDir, '..', 'bench-results');

if (!process.argv.includes('--no-build')) {
  console.log('[bench:registration] building the site');
  const result = spawnSync('nuxi', ['build'], {
    cwd: webDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NUXT_OUTPUT_DIR: outputDir },
  });
  if (result.status !== 0) throw new Error('nuxi build failed');
}

const slugOf = (run, via) => `bench-${run.readers}-for-${run.places}-${via}`;
console.log('[bench:registration] starting the CMS (throwaway SQLite, demo content) and the site');
const platform = await startPlatform(outputDir, {
  env: { REGISTRATION_RATE_LIMIT_MAX: '10000000', REGISTRATION_MIN_FILL_S: String(MIN_FILL_S) },
  args: [
    `--sessions=${RUNS.flatMap((run) => ['site', 'cms'].map((via) => `${slugOf(run, via)}:${run.places}`)).join(',')}`,
  ],
});
const { cms, site, mail } = platform;
try {
  console.log(`[bench:registration] CMS ${cms.url}, site ${site.url}; ${CONNECTIONS} connections`);

  async function cmsGraphql(query, variables = {}) {
    const response = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  const sessionOf = async (slug) =>
    (
      await cmsGraphql(
        'query($slug: String!) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId placesLeft } }',
        { slug },
      )
    ).trainingSessions[0];

  // Every registration mails (confirmation or waitlist) through the CMS's outbox: each crowd starts
  // once the previous one's mails are out, so that neither pays for the other's.
  let mailsExpected = 0;
  async function mailsDrained() {
    for (const until = Date.now() + 300_000; Date.now() < until;) {
      const count = (await (await fetch(`${mail.url}/api/email`)).json()).length;
      if (count >= mailsExpected) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`the CMS did not send its ${mailsExpected} mails within 5 minutes`);
  }

  /** Fires one request per body, CONNECTIONS at a time; returns registrations/s and the outcomes. */
  async function crowd(url, path, bodies, headers, outcomeOf) {
    const outcomes = { confirmed: 0, waitlisted: 0, failed: [] };
    let next = 0;
    const result = await autocannon({
      url,
      connections: Math.min(CONNECTIONS, bodies.length),
      amount: bodies.length,
      // Sent at once, the last of a crowd waits for all the others: no request is given up on.
      timeout: 300,
      requests: [
        {
          method: 'POST',
          path,
          headers,
          setupRequest: (request) => ({ ...request, body: bodies[next++] }),
          onResponse: (status, body, _context, responseHeaders) => {
            const outcome = outcomeOf(status, body, responseHeaders);
            if (outcome === 'confirmed' || outcome === 'waitlisted') outcomes[outcome]++;
            else outcomes.failed.push(`${status} ${String(body).slice(0, 200)}`);
          },
        },
      ],
    });
    const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
    if (result.errors || result.timeouts) outcomes.failed.push(`${result.errors} errors, ${result.timeouts} timeouts`);
    return {
      perSecond: bodies.length / seconds,
      seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ...outcomes,
    };
  }

  const rows = [];
  for (const run of RUNS) {
    const stamp = Date.now().toString(36);
    const people = Array.from({ length: run.readers }, (_, i) => ({
      fullName: `Reader ${i}`,
      email: `reader-${i}-${stamp}@example.org`,
    }));

    // Through the site: every reader's token comes with the page, as a browser gets it.
    const sitePath = `/en/trainings/${slugOf(run, 'site')}`;
    const siteSession = await sessionOf(slugOf(run, 'site'));
    console.log(
      `[bench:registration] ${run.readers} readers for ${run.places} places: fetching ${run.readers} pages (tokens)`,
    );
    const siteBodies = [];
    for (const person of people) {
      const page = await (await fetch(`${site.url}${sitePath}`)).text();
      const token = /name="formToken" data-form-token-for="\w+" value="([^"]+)"/.exec(page)?.[1];
      if (!token) throw new Error(`no form token on ${sitePath}`);
      siteBodies.push(
        new URLSearchParams({
          session: siteSession.documentId,
          formToken: token,
          ...person,
          organisation: '',
          consent: 'yes',
          website: '',
        }).toString(),
      );
    }
    // Straight to the CMS: the same readers, their tokens from the CMS.
    const cmsSession = await sessionOf(slugOf(run, 'cms'));
    const cmsBodies = [];
    for (const person of people) {
      const { trainingSessionRegistrationFormToken: token } = await cmsGraphql(
        'query($s: ID!) { trainingSessionRegistrationFormToken(session: $s) }',
        { s: cmsSession.documentId },
      );
      cmsBodies.push(
        JSON.stringify({
          query:
            'mutation($d: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $d) { status placesLeft } }',
          variables: {
            d: {
              session: cmsSession.documentId,
              ...person,
              consent: true,
              locale: 'en',
              formToken: token,
              website: '',
            },
          },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, (MIN_FILL_S + 0.2) * 1000));

    const throughSite = () =>
      crowd(
        site.url,
        sitePath,
        siteBodies,
        { 'content-type': 'application/x-www-form-urlencoded' },
        (status, _body, headers) =>
          status === 303 ? /registration=(confirmed|waitlisted)/.exec(headers.location ?? '')?.[1] : undefined,
      );
    const straightToCms = () =>
      crowd(cms.url, '/graphql', cmsBodies, { 'content-type': 'application/json' }, (status, body) => {
        try {
          return status === 200 ? JSON.parse(body).data?.registerForTrainingSession?.status : undefined;
        } catch {
          return undefined;
        }
      });
    // The first crowd finds fewer rows in the tables than the second: the order alternates between runs.
    const siteFirst = rows.length % 2 === 0;
    const byVia = {};
    for (const via of siteFirst ? ['site', 'cms'] : ['cms', 'site']) {
      console.log(
        `[bench:registration] ${run.readers} readers for ${run.places} places: ${via === 'site' ? 'through the site' : 'straight to the CMS'}`,
      );
      await mailsDrained();
      byVia[via] = await (via === 'site' ? throughSite() : straightToCms());
      mailsExpected += run.readers;
    }
    const { site: viaSite, cms: viaCms } = byVia;
    console.log(
      `[bench:registration] site ${JSON.stringify({ ...viaSite, failed: viaSite.failed.length })}, CMS ${JSON.stringify({ ...viaCms, failed: viaCms.failed.length })}`,
    );
    for (const [via, figures, slug] of [
      ['site', viaSite, slugOf(run, 'site')],
      ['CMS', viaCms, slugOf(run, 'cms')],
    ]) {
      const left = (await sessionOf(slug)).placesLeft;
      const problems = [
        ...figures.failed.slice(0, 3),
        ...(figures.confirmed !== run.places ? [`${figures.confirmed} confirmed, not ${run.places}`] : []),
        ...(figures.waitlisted !== run.readers - run.places
          ? [`${figures.waitlisted} waitlisted, not ${run.readers - run.places}`]
          : []),
        ...(left !== 0 ? [`${left} places left, not 0`] : []),
      ];
      if (problems.length)
        throw new Error(`${run.readers} readers for ${run.places} places via the ${via}: ${problems.join('; ')}`);
    }
    rows.push({
      ...run,
      first: siteFirst ? 'site' : 'CMS',
      site: viaSite,
      cms: viaCms,
      ratio: viaSite.perSecond / viaCms.perSecond,
    });
    console.log(
      `[bench:registration] ${run.readers} / ${run.places}: ${viaSite.perSecond.toFixed(1)} reg/s through the site, ${viaCms.perSecond.toFixed(1)} straight to the CMS`,
    );
  }

  const table = [
    '| readers / places | first | through the site (reg/s) | straight to the CMS (reg/s) | site / CMS | site p50 / p99 (ms) | CMS p50 / p99 (ms) | confirmed / waitlisted (each) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.readers} / ${r.places} | ${r.first} | ${r.site.perSecond.toFixed(0)} | ${r.cms.perSecond.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.site.p50} / ${r.site.p99} | ${r.cms.p50} / ${r.cms.p99} | ${r.places} / ${r.readers - r.places} |`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `web-registration-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        connections: CONNECTIONS,
        cms: 'sqlite',
        rows: rows.map(({ site: s, cms: c, ...rest }) => ({
          ...rest,
          site: { ...s, failed: undefined },
          cms: { ...c, failed: undefined },
        })),
        table,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`[bench:registration] ${file}`);
} finally {
  await platform.stop();
}

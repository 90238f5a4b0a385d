import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRATION_SESSIONS, UNPUBLISHED_MODULE } from '../../scripts/cms-fixtures.mjs';
import { cms, launchChromium, newContext, SITE_URL } from './helpers';

// The site's /graphql (server/routes/graphql.ts), probed as another website would: it answers the
// site's own pages only, with the site's headers, and lets no other origin drive a mutation
// through its visitors' browsers.
const QUERY = JSON.stringify({ query: '{ modules(locale: "en", pagination: { limit: 1 }) { title } }' });
const MIN_FILL_MS = 1100; // the CMS's REGISTRATION_MIN_FILL_S in scripts/test.mjs, and a little
const run = Date.now().toString(36);

async function session() {
  const data = await cms<{ trainingSessions: { documentId: string; placesLeft: number }[] }>(
    'query($slug: String!) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId placesLeft } }',
    { slug: REGISTRATION_SESSIONS.open.slug },
  );
  return data.trainingSessions[0]!;
}

/** A registration mutation the CMS would accept (a form token old enough), for `email`. */
async function registration(email: string) {
  const { documentId } = await session();
  const { trainingSessionRegistrationFormToken: formToken } = await cms<{
    trainingSessionRegistrationFormToken: string;
  }>('query($s: ID!) { trainingSessionRegistrationFormToken(session: $s) }', { s: documentId });
  await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
  return JSON.stringify({
    query:
      'mutation($d: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $d) { status placesLeft } }',
    variables: {
      d: { session: documentId, fullName: 'Cross Site', email, consent: true, locale: 'en', formToken, website: '' },
    },
  });
}

function post(headers: Record<string, string>, body = QUERY) {
  return fetch(`${SITE_URL}/graphql`, { method: 'POST', headers, body });
}

// Another website: served on `localhost`, while the site is on 127.0.0.1 (another site, not only another origin).
let evil: Server;
let evilUrl: string;
let browser: Browser;
beforeAll(async () => {
  evil = createServer((_request, response) =>
    response.end('<!doctype html><html lang="en"><title>Another site</title><h1>Win a prize</h1></html>'),
  );
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => evil?.close(resolve));
});

describe('the site’s /graphql', () => {
  it('answers the site’s own requests with its JSON and the site’s headers, none of the CMS’s', async () => {
    for (const headers of [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', origin: SITE_URL, 'sec-fetch-site': 'same-origin' },
    ]) {
      const response = await post(headers);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { modules: unknown[] } }).data.modules).toHaveLength(1);
      expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
      // The site's own security headers (nuxt-security), not the CMS's (`frame-ancestors 'self'`, a one-year HSTS).
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=63072000/);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers no CORS: another origin gets no Access-Control-Allow-Origin, preflight or not, and its requests are refused', async () => {
    const preflight = await fetch(`${SITE_URL}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ]) {
      const response = await post({ 'content-type': 'application/json', ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(JSON.stringify(await response.json())).not.toContain('modules');
    }
    const get = await fetch(`${SITE_URL}/graphql?query=${encodeURIComponent('{ modules(locale: "en") { title } }')}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(get.status).toBe(403);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the content types a form or a "simple" request can send, so a browser always has to ask first', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const response = await post(type ? { 'content-type': type } : {});
      expect(response.status, type).toBe(415);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('a page of another site cannot register its visitors: the mutation never reaches the CMS', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(evilUrl);
    const before = (await session()).placesLeft;
    const body = await registration(`cross-site-${run}@example.org`);
    const outcomes = await page.evaluate(
      async ({ site, body }) => {
        const attempt = (init: RequestInit) =>
          fetch(`${site}/graphql`, { method: 'POST', body, ...init }).then(
            async (response) => (response.type === 'opaque' ? 'opaque' : `${response.status} ${await response.text()}`),
            () => 'blocked',
          );
        return {
          // The CORS way: a preflight, which would have been answered `*` by the CMS's headers.
          cors: await attempt({ headers: { 'content-type': 'application/json' } }),
          // Without CORS: a "simple" request, whose answer the page cannot read but which is sent.
          simple: await attempt({ mode: 'no-cors', headers: { 'content-type': 'text/plain;charset=UTF-8' } }),
          json: await attempt({ mode: 'no-cors', headers: { 'content-type': 'application/json' } }),
        };
      },
      { site: SITE_URL, body },
    );
    expect(outcomes.cors).toBe('blocked');
    // Every request has been answered (refused) by the time fetch settles: nothing is still on its way.
    expect((await session()).placesLeft).toBe(before);
    // The same mutation from the site's own page goes through: the refusal was the origin's, not the mutation's.
    const own = await context.newPage();
    await own.goto('/en/legal-notice');
    const answer = await own.evaluate(async (body) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return response.json();
    }, body);
    expect(answer).toMatchObject({ data: { registerForTrainingSession: { status: 'confirmed' } } });
    expect((await session()).placesLeft).toBe(before - 1);
    await context.close();
  });
});

// The CMS's data layer refuses drafts to the public (cms/tests/drafts.test.ts); the site's proxy
// must not be a way around it, whatever a page of another kind would send.
describe('drafts through the site’s /graphql', () => {
  const asks = {
    'a variable whose default value is DRAFT': {
      query:
        'query($s: PublicationStatus = DRAFT) { modules(status: $s, pagination: { limit: 100 }) { title summary } }',
    },
    'a filter on localizations': {
      query: '{ modules(filters: { localizations: { publishedAt: { null: true } } }) { title summary } }',
    },
    'an oracle on unpublished text': {
      query: `{ modules(filters: { or: [{ summary: { startsWith: "${UNPUBLISHED_MODULE.marker}" } }, { localizations: { summary: { startsWith: "${UNPUBLISHED_MODULE.marker}" } } }] }) { documentId } }`,
    },
  };

  for (const [what, body] of Object.entries(asks)) {
    it(`are refused, by POST and GET, for ${what}`, async () => {
      const headers = { 'content-type': 'application/json', origin: SITE_URL, 'sec-fetch-site': 'same-origin' };
      const responses = [
        await post(headers, JSON.stringify(body)),
        await fetch(`${SITE_URL}/graphql?query=${encodeURIComponent(body.query)}`, {
          headers: { origin: SITE_URL, 'sec-fetch-site': 'same-origin' },
        }),
      ];
      for (const response of responses) {
        const text = await response.text();
        expect(text).not.toContain(UNPUBLISHED_MODULE.marker);
        const { data, errors } = JSON.parse(text) as {
          data?: { modules?: unknown[] } | null;
          errors?: { extensions?: { code?: string } }[];
        };
        expect(data?.modules ?? null).toBeNull();
        expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  }

  it('leave the published modules to the public', async () => {
    const { modules } = await cms<{ modules: { title: string }[] }>(
      '{ modules(locale: "en", pagination: { limit: 100 }) { title } }',
    );
    expect(modules.length).toBeGreaterThan(10);
    expect(JSON.stringify(modules)).not.toContain(UNPUBLISHED_MODULE.marker);
  });
});

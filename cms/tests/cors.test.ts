import { beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';

/**
 * The CMS answers cross-origin requests only for the configured origins (CORS_ORIGINS; in the
 * tests its default, the site at http://localhost:3000), on every route, /graphql included, and
 * says nothing of what it runs on.
 */
const CONFIGURED = 'http://localhost:3000';
const EVIL = 'https://evil.example';

async function preflight(path: string, origin: string) {
  const { url } = await getApp();
  return fetch(`${url}${path}`, {
    method: 'OPTIONS',
    signal: AbortSignal.timeout(10_000),
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

async function actual(path: string, origin: string) {
  const { url } = await getApp();
  if (path === '/graphql') {
    return fetch(`${url}${path}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(10_000),
    });
  }
  return fetch(`${url}${path}`, { headers: { origin }, signal: AbortSignal.timeout(10_000) });
}

const PATHS = ['/graphql', '/api/modules', '/api/partners/schema.graphql'];

beforeAll(async () => {
  await getApp();
});

describe('CORS', () => {
  it('gives another website nothing to read, preflight or request, on /graphql as everywhere', async () => {
    for (const path of PATHS) {
      for (const response of [await preflight(path, EVIL), await actual(path, EVIL)]) {
        expect(response.headers.get('access-control-allow-origin'), `${response.url} ${response.status}`).toBeNull();
        expect(response.headers.get('access-control-allow-credentials'), path).toBeNull();
      }
    }
    // The GraphQL answer itself still comes (CORS is the browser's rule): only its reading is refused.
    expect((await actual('/graphql', EVIL)).status).toBe(200);
  });

  it('answers the configured origin by name, never with *', async () => {
    for (const path of PATHS) {
      const pre = await preflight(path, CONFIGURED);
      expect(pre.status, path).toBe(204);
      expect(pre.headers.get('access-control-allow-origin'), path).toBe(CONFIGURED);
      expect(pre.headers.get('access-control-allow-methods'), path).toContain('POST');
      const response = await actual(path, CONFIGURED);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(CONFIGURED);
      expect(response.headers.get('vary') ?? '', path).toMatch(/Origin/i);
    }
  });

  it('sends no X-Powered-By', async () => {
    for (const path of PATHS) {
      for (const response of [
        await preflight(path, CONFIGURED),
        await actual(path, CONFIGURED),
        await actual(path, EVIL),
      ]) {
        expect(response.headers.get('x-powered-by'), path).toBeNull();
      }
    }
  });
});

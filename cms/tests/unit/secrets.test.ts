import { describe, expect, it } from 'vitest';
import { findDevelopmentCredentials, findSecretProblems, SECRET_VARIABLES } from '../../src/security/secrets';

const strong: Record<string, string> = Object.fromEntries(
  SECRET_VARIABLES.map((name) => [
    name,
    name === 'APP_KEYS' ? 'k1Zx8PqR2mN4vB6c,k2Yw7OpQ1lM3uA5d' : `s3cr-${name.length}-Zx8PqR2mN4vB6cT9`,
  ]),
);

describe('production secrets', () => {
  it('names each missing, example or weak secret', () => {
    expect(findSecretProblems(() => undefined)).toHaveLength(SECRET_VARIABLES.length);
    expect(findSecretProblems((name) => (name === 'JWT_SECRET' ? 'change-me' : strong[name]))).toEqual([
      'JWT_SECRET holds an example value',
    ]);
    expect(findSecretProblems((name) => (name === 'APP_KEYS' ? 'k1Zx8PqR2mN4vB6c,short' : strong[name]))).toEqual([
      'APP_KEYS is shorter than 16 characters',
    ]);
    expect(findSecretProblems((name) => strong[name])).toEqual([]);
    // The site's forwarding secret: without it, the CMS cannot tell readers apart (registration limits).
    expect(findSecretProblems((name) => (name === 'SITE_FORWARDING_SECRET' ? 'short' : strong[name]))).toEqual([
      'SITE_FORWARDING_SECRET is shorter than 16 characters',
    ]);
    expect(findSecretProblems((name) => (name === 'SITE_FORWARDING_SECRET' ? undefined : strong[name]))).toEqual([
      'SITE_FORWARDING_SECRET is missing',
    ]);
    // The purge and preview secrets: without them, the site's cache would take purges from anyone, or none.
    expect(
      findSecretProblems((name) =>
        name === 'SITE_PURGE_SECRET' || name === 'PREVIEW_SECRET' ? undefined : strong[name],
      ),
    ).toEqual(['SITE_PURGE_SECRET is missing', 'PREVIEW_SECRET is missing']);
  });

  it("names the development admin's password and the credentials the admin build would publish", () => {
    expect(findDevelopmentCredentials({ DEV_ADMIN_PASSWORD: 'x', DEV_ADMIN_EMAIL: 'a@example.org' })).toEqual([
      expect.stringMatching(/^DEV_ADMIN_PASSWORD is set/),
    ]);
    expect(
      findDevelopmentCredentials({ STRAPI_ADMIN_API_TOKEN: 'x', STRAPI_ADMIN_BACKEND_URL: 'https://cms.example' }),
    ).toEqual([expect.stringMatching(/^STRAPI_ADMIN_API_TOKEN is set/)]);
    expect(findDevelopmentCredentials({ DEV_ADMIN_PASSWORD: '' })).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../src/security/secrets';

const cmsDir = path.resolve(import.meta.dirname, '..');
const strong = Object.fromEntries(
  SECRET_VARIABLES.map((name) => [
    name,
    name === 'APP_KEYS' ? 'k1Zx8PqR2mN4vB6c,k2Yw7OpQ1lM3uA5d' : `s3cr-${name.length}-Zx8PqR2mN4vB6cT9`,
  ]),
);

/** Starts the compiled CMS for real with NODE_ENV=production and returns what it printed. */
function startInProduction(env: Record<string, string | undefined>) {
  const script = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(cmsDir)}, distDir: ${JSON.stringify(path.join(cmsDir, 'dist'))}, serveAdminPanel: false }).load().then(() => { console.log('STARTED'); process.exit(0); }, (e) => { console.error(e.message); process.exit(1); })`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SECRET_VARIABLES.includes(k as any)));
  return spawnSync(process.execPath, ['-e', script], {
    cwd: cmsDir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...clean,
      NODE_ENV: 'production',
      DATABASE_URL: '',
      DATABASE_FILENAME: path.join(os.tmpdir(), `academy-production-${process.pid}.db`),
      SEED_ON_START: 'never',
      ...env,
    },
  });
}

describe('production secrets (the CMS started for real; the rules themselves: unit/secrets.test.ts)', () => {
  it('refuses to start in production with the secrets of .env.example', () => {
    const result = startInProduction({
      APP_KEYS: 'change-me-key-1,change-me-key-2',
      API_TOKEN_SALT: 'change-me',
      ADMIN_JWT_SECRET: 'change-me',
      TRANSFER_TOKEN_SALT: 'change-me',
      JWT_SECRET: 'change-me',
      ENCRYPTION_KEY: 'change-me',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Refusing to start in production: APP_KEYS holds an example value/);
    expect(result.stdout).not.toContain('STARTED');
  });

  it('refuses to start in production with a missing secret', () => {
    const result = startInProduction({ ...strong, ENCRYPTION_KEY: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/ENCRYPTION_KEY is missing/);
  });

  it("refuses to start in production with the development admin's password, or credentials the admin build would publish", () => {
    const dev = startInProduction({
      ...strong,
      DEV_ADMIN_EMAIL: 'admin@example.org',
      DEV_ADMIN_PASSWORD: 'Academy-Zx8PqR2mN4vB6c1',
    });
    expect(dev.status).not.toBe(0);
    expect(dev.stdout + dev.stderr).toMatch(/DEV_ADMIN_PASSWORD is set/);
    const published = startInProduction({ ...strong, STRAPI_ADMIN_PASSWORD: 'Academy-Zx8PqR2mN4vB6c1' });
    expect(published.status).not.toBe(0);
    expect(published.stdout + published.stderr).toMatch(/STRAPI_ADMIN_PASSWORD is set/);
  });

  it('starts in production with real secrets', () => {
    const result = startInProduction(strong);
    expect(result.stdout + result.stderr).toContain('STARTED');
    expect(result.status).toBe(0);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script of the CMS package, without type declarations
import { cmsDir, filesHoldingSecrets, secretValues } from 'cms/env';

// What anyone can download without logging in: the admin panel's bundle and the site's public
// files, both built (scripts/test.mjs) with the secrets of a fresh cms/.env in their environment,
// as `npm start` builds them. The audit found the development admin's password in the first.
const dotEnvFile = process.env.DOTENV_FILE ?? '';
const published = {
  'the admin panel (cms/dist/build)': join(cmsDir, 'dist', 'build'),
  "the site's public files": process.env.SITE_PUBLIC_DIR ?? '',
};

describe('secrets of cms/.env', () => {
  type Secret = { name: string; value: string };
  const secrets: Secret[] = secretValues(readFileSync(dotEnvFile, 'utf8'));
  // A developer's own cms/.env, which `strapi build` reads too.
  const local = join(cmsDir, '.env');
  if (existsSync(local)) secrets.push(...secretValues(readFileSync(local, 'utf8')));

  it('are the secrets npm start generates, the development admin password among them', () => {
    const names = new Set(secrets.map((s) => s.name));
    for (const name of [
      'APP_KEYS',
      'ADMIN_JWT_SECRET',
      'JWT_SECRET',
      'API_TOKEN_SALT',
      'ENCRYPTION_KEY',
      'SITE_FORWARDING_SECRET',
      'DEV_ADMIN_PASSWORD',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  for (const [what, dir] of Object.entries(published)) {
    it(`never appear in ${what}`, () => {
      expect(existsSync(dir) && readdirSync(dir).length > 0, `${dir} was built`).toBe(true);
      const found = filesHoldingSecrets(dir, secrets).map(
        ({ file, name }: { file: string; name: string }) => `${name} in ${file}`,
      );
      expect(found).toEqual([]);
    });
  }
});

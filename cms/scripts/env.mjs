// Creates cms/.env with fresh random secrets the first time the platform starts on a machine.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cmsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const secret = () => randomBytes(32).toString('base64');

export function ensureDotEnv() {
  const file = join(cmsDir, '.env');
  if (existsSync(file)) {
    // A cms/.env written before the site registered readers: give it the secret it shares with the site.
    const current = readFileSync(file, 'utf8');
    if (!/^SITE_FORWARDING_SECRET=\S/m.test(current)) {
      const line = `SITE_FORWARDING_SECRET=${secret()}`;
      writeFileSync(file, /^SITE_FORWARDING_SECRET=.*$/m.test(current) ? current.replace(/^SITE_FORWARDING_SECRET=.*$/m, line) : `${current.replace(/\n?$/, '\n')}${line}\n`);
    }
    return file;
  }
  const example = readFileSync(join(cmsDir, '.env.example'), 'utf8');
  const password = `Academy-${randomBytes(9).toString('base64url')}1`;
  const filled = example
    .replace(/^APP_KEYS=.*$/m, `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`)
    .replace(/^(API_TOKEN_SALT|ADMIN_JWT_SECRET|TRANSFER_TOKEN_SALT|JWT_SECRET|ENCRYPTION_KEY|SITE_FORWARDING_SECRET)=.*$/gm, (_, name) => `${name}=${secret()}`)
    .replace(/^STRAPI_ADMIN_PASSWORD=.*$/m, `STRAPI_ADMIN_PASSWORD=${password}`);
  writeFileSync(file, filled, { mode: 0o600 });
  console.log(`[cms] created cms/.env with random secrets; development admin: admin@example.org / ${password}`);
  return file;
}

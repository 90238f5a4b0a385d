// Creates cms/.env with fresh random secrets the first time the platform starts on a machine, and
// brings an older cms/.env up to date. The site's scripts and tests use it as `cms/env` (package.json
// `exports`): the CMS's folder, and the secrets a build must never publish.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cmsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const secret = () => randomBytes(32).toString('base64');

/** The variables of cms/.env whose values are secrets (a build or a page must never carry them). */
const SECRET_NAME = /(SECRET|PASSWORD|_KEYS?$|SALT|TOKEN)/;

/**
 * Renames that keep a developer's cms/.env safe. `strapi build` inlines every `STRAPI_ADMIN_*`
 * variable into the admin panel's public JavaScript: the development admin's credentials were
 * named so, and were served to anyone. Also, `npm start` used to listen on every interface.
 */
const LEGACY = [
  [/^STRAPI_ADMIN_(EMAIL|PASSWORD|FIRSTNAME|LASTNAME)=/gm, 'DEV_ADMIN_$1='],
  [/^HOST=0\.0\.0\.0$/m, 'HOST=127.0.0.1'],
];

/** Secrets the CMS shares with the site's server (web/scripts/start.mjs reads them from cms/.env). */
const SHARED_WITH_SITE = [
  ['SITE_FORWARDING_SECRET', secret],
  ['SITE_PURGE_SECRET', secret],
  ['PREVIEW_SECRET', secret],
  ['CMS_PREVIEW_TOKEN', () => randomBytes(48).toString('hex')],
];

/** cms/.env.example with fresh secrets and a development admin password. */
export function generateDotEnv() {
  const example = readFileSync(join(cmsDir, '.env.example'), 'utf8');
  const password = `Academy-${randomBytes(9).toString('base64url')}1`;
  const text = example
    .replace(/^APP_KEYS=.*$/m, `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`)
    .replace(
      /^(API_TOKEN_SALT|ADMIN_JWT_SECRET|TRANSFER_TOKEN_SALT|JWT_SECRET|ENCRYPTION_KEY|SITE_FORWARDING_SECRET|SITE_PURGE_SECRET|PREVIEW_SECRET)=.*$/gm,
      (_, name) => `${name}=${secret()}`,
    )
    .replace(/^CMS_PREVIEW_TOKEN=.*$/m, `CMS_PREVIEW_TOKEN=${randomBytes(48).toString('hex')}`)
    .replace(/^DEV_ADMIN_PASSWORD=.*$/m, `DEV_ADMIN_PASSWORD=${password}`);
  return { text, password };
}

export function ensureDotEnv(file = join(cmsDir, '.env')) {
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    let updated = LEGACY.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), current);
    // A cms/.env written before the site registered readers (forwarding), before the CMS purged the
    // site's cache and before the preview: give it the secrets it shares with the site.
    for (const [name, value] of SHARED_WITH_SITE) {
      if (new RegExp(`^${name}=\\S`, 'm').test(updated)) continue;
      const line = `${name}=${value()}`;
      const pattern = new RegExp(`^${name}=.*$`, 'm');
      updated = pattern.test(updated) ? updated.replace(pattern, line) : `${updated.replace(/\n?$/, '\n')}${line}\n`;
    }
    if (updated !== current) {
      writeFileSync(file, updated);
      if (/^STRAPI_ADMIN_/m.test(current))
        console.log(
          '[cms] cms/.env: the development admin is now DEV_ADMIN_EMAIL / DEV_ADMIN_PASSWORD (STRAPI_ADMIN_* variables are published in the admin panel)',
        );
      if (/^HOST=0\.0\.0\.0$/m.test(current))
        console.log(
          '[cms] cms/.env: HOST=127.0.0.1 (the CMS no longer listens on every network interface; set HOST to change it)',
        );
    }
    return file;
  }
  const { text, password } = generateDotEnv();
  writeFileSync(file, text, { mode: 0o600 });
  console.log(`[cms] created cms/.env with random secrets; development admin: admin@example.org / ${password}`);
  return file;
}

/** The secrets of a .env text as { name, value } (each key of APP_KEYS apart), for scans of built files. */
export function secretValues(text) {
  const secrets = [];
  for (const [, name, raw] of text.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)) {
    if (!SECRET_NAME.test(name)) continue;
    const values = name === 'APP_KEYS' ? raw.split(',') : [raw];
    for (const value of values.map((v) => v.trim())) if (value.length >= 8) secrets.push({ name, value });
  }
  return secrets;
}

/**
 * The files under `dir` that contain one of `values`, as { file, name } (name: the variable).
 * Reads every file whole: a secret may sit anywhere in a minified bundle or a source map.
 */
export function filesHoldingSecrets(dir, secrets) {
  const found = [];
  const walk = (path) => {
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      if (statSync(child).isDirectory()) walk(child);
      else {
        const content = readFileSync(child, 'latin1');
        for (const { name, value } of secrets) if (content.includes(value)) found.push({ file: child, name });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

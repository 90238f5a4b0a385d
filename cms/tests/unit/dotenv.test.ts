import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDotEnv, generateDotEnv } from '../../scripts/env.mjs';

// The cms/.env that `npm start` writes and keeps up to date.
// The secrets the CMS shares with the site, as a cms/.env of today has them.
const SHARED =
  'SITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\nSITE_PURGE_SECRET=bcdefghijklmnopqrstuvwxyza\nPREVIEW_SECRET=cdefghijklmnopqrstuvwxyzab\nCMS_PREVIEW_TOKEN=0123456789abcdef0123456789abcdef\n';

describe('cms/.env', () => {
  const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'academy-dotenv-test-')), '.env');

  it('is generated with random secrets, a development admin the admin build does not publish, and this machine only', () => {
    const { text, password } = generateDotEnv();
    expect(text).toContain(`DEV_ADMIN_PASSWORD=${password}`);
    expect(text).not.toMatch(/^STRAPI_ADMIN_/m);
    expect(text).toMatch(/^HOST=127\.0\.0\.1$/m);
    expect(text).not.toMatch(/change-me/);
    expect(generateDotEnv().text).not.toBe(text);
  });

  it('of an earlier version loses its STRAPI_ADMIN_* credentials and its 0.0.0.0, keeping their values', () => {
    const file = tmp();
    fs.writeFileSync(
      file,
      `HOST=0.0.0.0\nPORT=1337\nSTRAPI_ADMIN_EMAIL=me@example.org\nSTRAPI_ADMIN_PASSWORD=Old-Password-1\n${SHARED}`,
    );
    ensureDotEnv(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(
      `HOST=127.0.0.1\nPORT=1337\nDEV_ADMIN_EMAIL=me@example.org\nDEV_ADMIN_PASSWORD=Old-Password-1\n${SHARED}`,
    );
  });

  it('leaves a HOST the developer chose', () => {
    const file = tmp();
    fs.writeFileSync(file, `HOST=192.168.1.20\n${SHARED}`);
    ensureDotEnv(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(`HOST=192.168.1.20\n${SHARED}`);
  });

  it('written before the publishing pipeline gains the purge and preview secrets and the preview token, keeping the rest', () => {
    const file = tmp();
    fs.writeFileSync(file, 'PORT=1337\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\nPREVIEW_SECRET=\n');
    ensureDotEnv(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^PORT=1337\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\nPREVIEW_SECRET=\S{40,}\n/);
    expect(text).toMatch(/^SITE_PURGE_SECRET=\S{40,}$/m);
    expect(text).toMatch(/^CMS_PREVIEW_TOKEN=[0-9a-f]{96}$/m);
  });

  it('is generated with the secrets the CMS shares with the site', () => {
    const { text } = generateDotEnv();
    for (const name of ['SITE_FORWARDING_SECRET', 'SITE_PURGE_SECRET', 'PREVIEW_SECRET'])
      expect(text).toMatch(new RegExp(`^${name}=\\S{40,}$`, 'm'));
    expect(text).toMatch(/^CMS_PREVIEW_TOKEN=[0-9a-f]{96}$/m);
  });
});

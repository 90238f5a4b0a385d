import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDotEnv, generateDotEnv } from '../../scripts/env.mjs';

// The cms/.env that `npm start` writes and keeps up to date.
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
    fs.writeFileSync(file, 'HOST=0.0.0.0\nPORT=1337\nSTRAPI_ADMIN_EMAIL=me@example.org\nSTRAPI_ADMIN_PASSWORD=Old-Password-1\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\n');
    ensureDotEnv(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe('HOST=127.0.0.1\nPORT=1337\nDEV_ADMIN_EMAIL=me@example.org\nDEV_ADMIN_PASSWORD=Old-Password-1\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\n');
  });

  it('leaves a HOST the developer chose', () => {
    const file = tmp();
    fs.writeFileSync(file, 'HOST=192.168.1.20\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\n');
    ensureDotEnv(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('HOST=192.168.1.20\nSITE_FORWARDING_SECRET=abcdefghijklmnopqrstuvwxyz\n');
  });
});

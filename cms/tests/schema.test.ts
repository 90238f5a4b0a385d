import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchSchemaSdl } from '../scripts/lib/boot.mjs';
import { getApp } from './strapi';

const committed = path.resolve(import.meta.dirname, '../schema.graphql');

describe("the partners' GraphQL contract", () => {
  it('matches the committed cms/schema.graphql (run `pnpm --filter cms schema` after changing the model)', async () => {
    const { url } = await getApp();
    const running = await fetchSchemaSdl(url);
    expect(running).toBe(fs.readFileSync(committed, 'utf8'));
  });

  it('keeps the contract names of docs/design.md', async () => {
    const sdl = fs.readFileSync(committed, 'utf8');
    for (const field of [
      'modules',
      'module',
      'jobSheets',
      'jobSheet',
      'interviews',
      'interview',
      'organisations',
      'organisation',
      'trainingSessions',
      'trainingSession',
      'competences',
      'themes',
      'audiences',
      'home',
      'site',
    ]) {
      expect(sdl).toMatch(new RegExp(`\\n  ${field}\\(`));
    }
    expect(sdl).toMatch(/placesLeft: Int!/);
    expect(sdl).toMatch(/registrationState: String!/);
    expect(sdl).not.toMatch(/type Registration\b|emailNormalized|tokenHash|registrations\(/);
  });

  it('is served to partners at a public URL', async () => {
    const { url } = await getApp();
    const response = await fetch(`${url}/api/partners/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await response.text()).toBe(fs.readFileSync(committed, 'utf8'));
  });
});

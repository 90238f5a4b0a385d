// Regenerates cms/schema.graphql (the partners' contract) from the running schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootStrapi, fetchSchemaSdl } from './lib/boot.mjs';
import { cmsDir } from './env.mjs';

delete process.env.DATABASE_URL;
const { strapi, url } = await bootStrapi({ seed: 'never' });
const sdl = await fetchSchemaSdl(url);
writeFileSync(join(cmsDir, 'schema.graphql'), sdl);
console.log(`[cms] wrote schema.graphql (${sdl.split('\n').length} lines)`);
await strapi.destroy();
process.exit(0);

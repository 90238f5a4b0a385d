// `npm run seed`: re-applies the demo content to the configured database (SQLite file or
// DATABASE_URL), creating whatever is missing; entries already there are left as they are.
import { createRequire } from 'node:module';
import { cmsDir, ensureDotEnv } from './env.mjs';

ensureDotEnv();
process.env.SEED_ON_START = 'never';
const require = createRequire(import.meta.url);
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const context = await compileStrapi({ appDir: cmsDir });
const strapi = await createStrapi({ ...context, autoReload: false, serveAdminPanel: false }).load();
const { seedDemoContent } = require(`${context.distDir}/src/seed`);
const report = await seedDemoContent(strapi);
console.log(`[cms] demo content: ${report.created} locale entries created, ${report.skipped} already there`);
await strapi.destroy();
process.exit(0);

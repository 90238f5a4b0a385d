import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One Strapi per run: every test file shares the process (and the booted CMS) in sequence.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    isolate: false,
    testTimeout: 120_000,
    // Strapi reads ENV_PATH (else cms/.env) when it loads: a developer's cms/.env (written by
    // `npm start`) must not change what the tests run with, nor the CMS processes they start.
    env: { ENV_PATH: path.join(os.tmpdir(), 'academy-tests-read-no-dotenv') },
    hookTimeout: 600_000,
    server: { deps: { external: [/@strapi\//, /node_modules/] } },
  },
});

import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (tests/unit: pure functions, nothing booted, seconds) and `suite` (the
// CMS booted for real: one Strapi per run, every test file sharing the process in sequence).
// `npx vitest run --project unit` is the fast loop; `npm run test:unit` at the root runs the units
// of both towers.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        test: {
          name: 'suite',
          include: ['tests/*.test.ts'],
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
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the unit tests of both towers in one run, nothing booted (seconds). Each
// tower's own config runs its booted suites (cms/vitest.config.ts, web/scripts/test.mjs).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'cms', root: './cms', include: ['tests/unit/**/*.test.ts'] } },
      {
        resolve: { alias: { '#shared': fileURLToPath(new URL('./web/shared', import.meta.url)) } },
        test: { name: 'web', root: './web', include: ['tests/unit/**/*.test.ts'] },
      },
    ],
  },
});

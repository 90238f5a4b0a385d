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
    hookTimeout: 600_000,
    server: { deps: { external: [/@strapi\//, /node_modules/] } },
  },
});

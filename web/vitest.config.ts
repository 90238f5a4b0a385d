import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Units (tests/unit) run in Node; the browser suite (tests/browser) boots the real CMS and the
// built site and drives Chromium.
export default defineConfig({
  resolve: { alias: { '#shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});

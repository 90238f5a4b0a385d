import { beforeAll } from 'vitest';
import { getApp } from './strapi';

// The suite's one Strapi boots before the first test of whichever file runs first, under the hook
// timeout (booting and seeding take minutes on a busy machine), not inside a test's own timeout.
beforeAll(async () => {
  await getApp();
});

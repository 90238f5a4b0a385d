import type { Core } from '@strapi/strapi';
import { kickPurges } from './purge';
import { deleteExpiredChanges } from './retention';

/**
 * Scheduled work of every replica (Strapi cron), safe on several at once: the sequencer takes turns
 * (sequence.ts), each site URL is claimed by one worker at a time (purge.ts), retention is one DELETE.
 */
export function publishingCronTasks() {
  return {
    contentPurges: {
      // Retries, and anything the kick after a commit missed (a crash between commit and kick).
      task: ({ strapi }: { strapi: Core.Strapi }) => kickPurges(strapi),
      options: { rule: '* * * * * *' },
    },
    contentChangesRetention: {
      task: ({ strapi }: { strapi: Core.Strapi }) => deleteExpiredChanges(strapi),
      options: { rule: '0 41 3 * * *' },
    },
  };
}

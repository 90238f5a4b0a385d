import type { Core } from '@strapi/strapi';
import { kickOutbox } from './outbox/outbox';
import { anonymiseExpiredRegistrations } from './retention';

/**
 * Scheduled work of every replica (Strapi cron). Both tasks are safe to run on several replicas
 * at once: the outbox claims each mail with a conditional update, anonymisation is one idempotent
 * UPDATE.
 */
export function registrationCronTasks() {
  return {
    registrationOutbox: {
      // Retries and anything a kick after commit missed (the kick sends new mails at once).
      task: ({ strapi }: { strapi: Core.Strapi }) => kickOutbox(strapi),
      options: { rule: '*/10 * * * * *' },
    },
    registrationRetention: {
      task: ({ strapi }: { strapi: Core.Strapi }) => anonymiseExpiredRegistrations(strapi),
      options: { rule: '0 17 3 * * *' },
    },
  };
}

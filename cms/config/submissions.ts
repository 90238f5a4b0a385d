import type { Core } from '@strapi/strapi';
/**
 * The Atlas's "Add your organisation" form (src/api/organisation/submission/). The form token's
 * times (REGISTRATION_MIN_FILL_S, REGISTRATION_FORM_TOKEN_MAX_AGE_S), SITE_URL and
 * SITE_FORWARDING_SECRET are the registration's (config/registration.ts).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Where each new submission is announced to the editors (empty: no mail, only the admin's list).
  editorsEmail: env('ORGANISATION_SUBMISSIONS_EMAIL', ''),
  // Per client IP and per email address, over a sliding window, shared by every replica.
  rateLimit: {
    max: env.int('ORGANISATION_SUBMISSION_RATE_LIMIT_MAX', 10),
    windowSeconds: env.int('ORGANISATION_SUBMISSION_RATE_LIMIT_WINDOW_S', 3600),
  },
  // The trainers' "I use this module" form (src/api/module-use/): per client IP and per email.
  moduleUseRateLimit: {
    max: env.int('MODULE_USE_RATE_LIMIT_MAX', 10),
    windowSeconds: env.int('MODULE_USE_RATE_LIMIT_WINDOW_S', 3600),
  },
  // How long a module-use record is kept (then deleted by a daily job).
  moduleUseRetentionMonths: env.int('MODULE_USE_RETENTION_MONTHS', 24),
});

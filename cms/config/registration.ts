import type { Core } from '@strapi/strapi';
/**
 * Session registration (src/api/registration/). Read at call time through
 * `strapi.config.get('registration')`, so tests and load tests may change them on a running CMS.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The site: base of the self-service links in mails.
  siteUrl: env('SITE_URL', 'http://localhost:3000'),
  // Shared with the site's server: proves that its X-Forwarded-For carries the reader's IP.
  siteForwardingSecret: env('SITE_FORWARDING_SECRET', ''),
  // Per client IP and per email address, over a sliding window, shared by every replica.
  rateLimit: {
    max: env.int('REGISTRATION_RATE_LIMIT_MAX', 10),
    windowSeconds: env.int('REGISTRATION_RATE_LIMIT_WINDOW_S', 600),
  },
  // Anti-bot: a form submitted sooner than this after the CMS issued its form token is refused.
  minFillSeconds: env.int('REGISTRATION_MIN_FILL_S', 3),
  formTokenMaxAgeSeconds: env.int('REGISTRATION_FORM_TOKEN_MAX_AGE_S', 86400),
  // Registrations are anonymised this many months after their session ended.
  retentionMonths: env.int('REGISTRATION_RETENTION_MONTHS', 12),
  // Mail outbox: retries back off from this delay, doubling, up to an hour, for this many attempts.
  mailRetryBaseSeconds: env.int('REGISTRATION_MAIL_RETRY_BASE_S', 30),
  mailMaxAttempts: env.int('REGISTRATION_MAIL_MAX_ATTEMPTS', 12),
  // Stored with each consent: bump it when the privacy policy changes in substance.
  privacyPolicyVersion: env('PRIVACY_POLICY_VERSION', '2026-12-05'),
});

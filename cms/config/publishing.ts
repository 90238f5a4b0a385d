import type { Core } from '@strapi/strapi';
/**
 * The publishing pipeline (src/publishing/): the change log, the site's page-cache purges, the
 * partners' change feed and the editors' preview. Read at call time through
 * `strapi.config.get('publishing')`, so tests may change them on a running CMS.
 */
const publishing = ({ env }: Core.Config.Shared.ConfigParams) => {
  const siteUrl = env('SITE_URL', 'http://localhost:3000');
  return {
    // Where each purge goes: every site replica that keeps its own page cache (without Redis), or
    // one of them (with Redis, one purge reaches every replica). Default: the site.
    purgeUrls: env
      .array('SITE_PURGE_URLS', [siteUrl])
      .map((url: string) => url.trim())
      .filter(Boolean),
    // Shared with the site: purge requests are signed with it (HMAC-SHA256); unsigned ones are refused.
    purgeSecret: env('SITE_PURGE_SECRET', ''),
    // A failed purge is retried after this delay, doubling up to a minute.
    purgeRetryBaseMs: env.int('SITE_PURGE_RETRY_BASE_MS', 1000),
    // Shared with the site: preview links are signed with it and expire after previewLinkSeconds.
    previewSecret: env('PREVIEW_SECRET', ''),
    previewLinkSeconds: env.int('PREVIEW_LINK_SECONDS', 300),
    // The site's origin, for the preview links (the admin frames it).
    siteUrl,
    // Partners may page through this many days of changes (at least 90).
    changeRetentionDays: Math.max(90, env.int('CONTENT_CHANGES_RETENTION_DAYS', 90)),
  };
};

export default publishing;
/** What `strapi.config.get('publishing')` returns. */
export type PublishingConfig = ReturnType<typeof publishing>;

import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PublishingConfig } from '../../config/publishing';
import { contentTypeName } from './content-types';

/**
 * The editors' preview (Strapi 5's preview panel, config/admin.ts): the edit view asks for a URL
 * of the entry (uid, documentId, locale, status "draft" or "published") and frames it. The URL is
 * the site's `/<locale>/preview`, signed with PREVIEW_SECRET (shared with the site) over the type,
 * documentId, locale, status and expiry: the site shows that one entry, as the editor sees it, on
 * its real page, fetching it server-side with a full-access API token (CMS_PREVIEW_TOKEN). A link
 * that is changed or older than PREVIEW_LINK_SECONDS shows the site's 404.
 */
/** The types the site has a page for: the preview panel stays empty for the others. */
export const PREVIEWABLE = [
  'module',
  'jobSheet',
  'interview',
  'organisation',
  'trainingSession',
  'webinar',
  'competence',
  'home',
  'site',
  'jobOffer',
  'trainerKit',
  'trainersCorner',
];

export function previewPayload(fields: {
  type: string;
  documentId: string;
  locale: string;
  status: string;
  expires: number;
}): string {
  return [fields.type, fields.documentId, fields.locale, fields.status, String(fields.expires)].join('\n');
}

export function signPreview(secret: string, fields: Parameters<typeof previewPayload>[0]): string {
  return crypto.createHmac('sha256', secret).update(previewPayload(fields)).digest('base64url');
}

export function previewUrl(
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string | null; status?: string | null },
  now = Date.now(),
): string | null {
  const config = strapi.config.get('publishing') as PublishingConfig;
  const secret = String(config.previewSecret ?? '');
  if (!secret || !params.documentId || !uid.startsWith('api::')) return null;
  const type = contentTypeName(strapi, uid);
  if (!PREVIEWABLE.includes(type)) return null;
  // Strapi's preview route checks only that an admin is logged in: an editor previews only what
  // their role lets them read.
  const ability = strapi.requestContext.get()?.state?.userAbility as
    { can(action: string, subject: string): boolean } | undefined;
  if (ability && !ability.can('plugin::content-manager.explorer.read', uid)) return null;
  const fields = {
    type,
    documentId: params.documentId,
    locale: params.locale || 'en',
    status: params.status === 'published' ? 'published' : 'draft',
    expires: Math.floor(now / 1000) + Number(config.previewLinkSeconds ?? 300),
  };
  const query = new URLSearchParams({ ...fields, expires: String(fields.expires), sig: signPreview(secret, fields) });
  return `${String(config.siteUrl).replace(/\/$/, '')}/${fields.locale}/preview?${query}`;
}

/** The site's origin, which the admin frames (preview.config.allowedOrigins). */
export function siteOrigin(siteUrl: string): string {
  try {
    return new URL(siteUrl).origin;
  } catch {
    return siteUrl;
  }
}

/**
 * Development only: the full-access API token the site previews with (CMS_PREVIEW_TOKEN, written
 * into cms/.env by `npm start` and given to the site), created when missing, as the development
 * admin is. In production an admin creates it (Settings → API Tokens, full access) and sets it on
 * the site: see SECURITY.md.
 */
export async function ensureDevelopmentPreviewToken(strapi: Core.Strapi) {
  const accessKey = process.env.CMS_PREVIEW_TOKEN;
  if (process.env.NODE_ENV === 'production' || !accessKey) return;
  // The admin's services are not in Strapi's public types.
  const tokens = strapi.service('admin::api-token') as unknown as { hash(accessKey: string): string };
  const hash = tokens.hash(accessKey);
  if (await strapi.db.query('admin::api-token').findOne({ where: { accessKey: hash } })) return;
  await strapi.db.query('admin::api-token').create({
    data: {
      name: `Site preview (development, ${hash.slice(0, 8)})`,
      description:
        "Reads drafts for the site's preview. Created from CMS_PREVIEW_TOKEN in development; never in production.",
      type: 'full-access',
      kind: 'content-api',
      accessKey: hash,
      encryptedKey: (strapi.service('admin::encryption') as unknown as { encrypt(value: string): string }).encrypt(
        accessKey,
      ),
      lifespan: null,
      expiresAt: null,
    },
  });
}

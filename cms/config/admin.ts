import type { Core } from '@strapi/strapi';
import { previewUrl, siteOrigin } from '../src/publishing/preview';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // The edit view's preview: the entry on the site, signed (src/publishing/preview.ts).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [siteOrigin(env('SITE_URL', 'http://localhost:3000'))],
      handler: (uid: string, params: { documentId?: string; locale?: string | null; status?: string | null }) =>
        previewUrl(strapi, uid, params),
    },
  },
});

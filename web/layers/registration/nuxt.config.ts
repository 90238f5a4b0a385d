// Registering for a training session (README.md): a Nuxt layer of the site, found by Nuxt in
// layers/ (no `extends` needed). Its code uses the site's own modules (i18n, the GraphQL client
// and its generated documents `~/graphql/generated`, server/utils/cms.ts, shared/routes.ts).
import { fileURLToPath } from 'node:url';
import { LOCALES, SECTIONS, selfServicePath } from '../../shared/routes';

// The self-service page (a registration, by the secret token in its URL) and its JSON download:
// personal data, so never in the page cache (the `cache: false` of the exact path wins over the
// `/xx/**` swr rule it sits under), never stored by a browser or proxy, never indexed, and the
// token never leaves in a Referer header.
const PRIVATE_RULE = {
  cache: false as const,
  headers: { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' },
  security: { headers: { referrerPolicy: 'no-referrer' as const } },
};
const privateRules = Object.fromEntries(
  [...LOCALES.map(selfServicePath), '/api/self-service/**'].map((path) => [path, PRIVATE_RULE]),
);

export default defineNuxtConfig({
  // The strings of the form and the self-service page (i18n/locales/<code>.json): @nuxtjs/i18n merges
  // each locale's file with the site's.
  i18n: {
    locales: LOCALES.map((code) => ({ code, file: { path: `${code}.ts`, cache: true } })),
  },
  routeRules: {
    ...privateRules,
    // Session pages take the registration form's posts (server/middleware/registration-form.ts): a
    // name is a name, whatever characters it has; nothing a reader types is ever rendered as HTML.
    ...Object.fromEntries(
      LOCALES.map((locale) => [
        `/${locale}/${SECTIONS['training-sessions'][locale]}/**`,
        { security: { xssValidator: false } },
      ]),
    ),
  },
  nitro: {
    // Listed, not scanned from server/plugins/: see server/form-token.ts.
    plugins: [fileURLToPath(new URL('./server/form-token.ts', import.meta.url))],
  },
});

import type { Nuxt } from 'nuxt/schema';
import { clientTrims } from './config/client-trims';
import { writeBasemap } from './config/basemap';
import { i18nPages, LOCALE_NAMES, LOCALES, SECTIONS, STATIC_PAGES } from './shared/routes';

// Content pages are rendered once and served from the page cache (nuxt-multi-cache's route cache,
// server/multiCache.serverOptions.ts), tagged with what they show and purged by the CMS when it
// changes (docs/design.md "The site"). Shared caches (a CDN) are told `s-maxage=NUXT_CONTENT_TTL,
// stale-while-revalidate=<a day>` (server/plugins/page-cache.ts).

// The packages every page runs in the browser (see vite.build below). Not urql: the browser loads
// it on its first client-side query (app/plugins/urql.client.ts).
const FRAMEWORK_PACKAGES = new RegExp(
  `node_modules[\\\\/](${[
    'vue',
    '@vue',
    'vue-router',
    'nuxt',
    '@nuxt/nitro-server',
    '@nuxtjs/i18n',
    'vue-i18n',
    '@intlify',
    'unhead',
    '@unhead',
    'ufo',
    'ofetch',
    'destr',
    'defu',
    'hookable',
    'ohash',
    'klona',
    'cookie-es',
    'devalue',
    'unctx',
    'h3',
    'nostics',
  ].join('|')})[\\\\/]`,
);

export default defineNuxtConfig({
  compatibilityDate: '2026-01-01',
  devtools: { enabled: false },
  telemetry: false,
  modules: [
    // Writes .nuxt/eslint.config.mjs (the Nuxt flat config, aware of auto-imports) for eslint.config.mjs.
    '@nuxt/eslint',
    '@nuxtjs/i18n',
    'nuxt-security',
    '@nuxt/image',
    '@nuxtjs/sitemap',
    'nuxt-multi-cache',
    (_options: unknown, nuxt: Nuxt) => {
      // No code for what this configuration never runs in the browser (transitions, keep-alive, the
      // i18n cookie): config/client-trims.ts.
      nuxt.options.vite.plugins = [
        ...(nuxt.options.vite.plugins ?? []),
        clientTrims({ app: nuxt.options.app, i18n: nuxt.options.i18n }) as never,
      ];
      // The head manager without Nuxt 4's legacy unhead plugins (deprecated `hid`/`children` keys,
      // promises in head input, `before:`/`after:` priorities), which nothing here uses: only
      // template params, as Nuxt 5 does.
      nuxt.hook('modules:done', () => {
        const template = nuxt.options.build.templates.find((t) => t.filename === 'unhead-options.mjs');
        const original = template?.getContents;
        if (!template || !original) throw new Error('nuxt.config.ts: Nuxt no longer generates unhead-options.mjs');
        template.getContents = async (data) => {
          // `import { legacyPlugins } from "<@unhead/vue as Nuxt resolves it>/dist/legacy.mjs"`
          const legacy = String(await original(data)).match(/import \{ legacyPlugins \} from "(.+)\/legacy\.mjs";/);
          if (!legacy) throw new Error('nuxt.config.ts: unhead-options.mjs no longer imports the legacy plugins');
          return `import { TemplateParamsPlugin } from "${legacy[1]}/plugins.mjs";\nexport default { disableDefaults: true, plugins: [TemplateParamsPlugin] };\n`;
        };
      });
    },
  ],
  css: ['~/assets/main.css'],

  app: {
    head: {
      titleTemplate: '%s · Social Tech Academy',
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        { name: 'theme-color', content: '#1b4d3e' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },

  runtimeConfig: {
    // Where the server reaches the CMS (NUXT_CMS_URL); browsers go through /graphql on the site.
    cmsUrl: 'http://127.0.0.1:1337',
    public: {
      // The public origin, for canonical URLs, hreflang and the sitemap (NUXT_PUBLIC_SITE_URL).
      siteUrl: 'http://localhost:3000',
    },
  },

  site: {
    name: 'Social Tech Academy',
    url: process.env.NUXT_PUBLIC_SITE_URL ?? 'http://localhost:3000',
  },

  i18n: {
    strategy: 'prefix',
    defaultLocale: 'en',
    // i18n/locales/<code>.ts: the messages of <code>.json, precompiled (i18n/precompile.ts).
    locales: LOCALES.map((code) => ({
      code,
      language: code,
      name: LOCALE_NAMES[code],
      file: { path: `${code}.ts`, cache: true },
    })),
    // Overridden at run time by NUXT_PUBLIC_I18N_BASE_URL (scripts set it with the site URL).
    baseUrl: process.env.NUXT_PUBLIC_SITE_URL ?? 'http://localhost:3000',
    customRoutes: 'config',
    pages: i18nPages(),
    // `/` negotiates from Accept-Language on the server (server/middleware/root-locale.ts); no cookie.
    detectBrowserLanguage: false,
    // Each locale file (`en.ts`) returns its JSON's messages precompiled to ASTs on the server
    // (i18n/precompile.ts), so the messages endpoint hands the browser ASTs, not raw strings: the
    // message compiler (~17 KB minified) leaves the client bundle. `cache`: compiled once per process.
    bundle: { fullInstall: false, dropMessageCompiler: true },
  },

  image: {
    // CMS uploads resized and converted (AVIF, WebP) by the site's own IPX handler at /_ipx
    // (server/image/ipx.ts: sources read from NUXT_CMS_URL at run time, variants cached on disk,
    // never SVG out): same origin, no third-party host. Being listed in serverHandlers, it replaces
    // the module's own /_ipx handler.
    provider: 'ipx',
    format: ['avif', 'webp'],
    screens: { xs: 320, sm: 640, md: 768, lg: 1024 },
  },
  serverHandlers: [{ route: '/_ipx/**', handler: '~~/server/image/ipx.ts' }],

  multiCache: {
    route: { enabled: true },
    // Purges come signed from the CMS (server/api/cache/purge.post.ts), not through the module's API.
    api: { enabled: false, authorization: false, cacheTagInvalidationDelay: 1 },
    disableCacheOverviewLogMessage: true,
  },

  sitemap: {
    // Every URL (lists, entries, legal pages) with its alternates comes from the CMS.
    excludeAppSources: true,
    sources: ['/api/__sitemap__/urls'],
    autoI18n: false,
    xsl: false,
    // The page cache keeps it (tag `sitemap`, purged by every change): the module's own cache would
    // keep an unpublished entry listed for its whole lifetime.
    cacheMaxAgeSeconds: 0,
  },

  security: {
    // Inline scripts and styles are allowed by their hashes (computed on each render, with the
    // integrity hashes of the page's scripts: the nuxt-security patch in patches/), not by a nonce:
    // a cached page is then the same bytes for every reader, compressed once
    // (server/plugins/response-compression.ts). Scripts load from this origin only ('self').
    nonce: false,
    ssg: { meta: false, hashScripts: true, hashStyles: true, exportToPresets: false },
    // The in-memory limiter would be per process (replicas share nothing): rate limiting belongs
    // to the reverse proxy / CDN in front of the replicas.
    rateLimiter: false,
    // Keep server logs: they are how an operator sees a failing CMS.
    removeLoggers: false,
    // Same-origin site: no CORS headers (the /graphql proxy is for the site's own pages).
    corsHandler: false,
    headers: {
      contentSecurityPolicy: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': false,
      },
      strictTransportSecurity: { maxAge: 63072000, includeSubdomains: true },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    },
  },

  routeRules: {
    // The registration pages' own rules: layers/registration/nuxt.config.ts.
    '/graphql': { security: { xssValidator: false } },
    // "Add your organisation": every response carries its own form token (never in the page cache,
    // never stored), and takes the form's posts (what a reader types is only ever rendered as text).
    ...Object.fromEntries(
      LOCALES.map((locale) => [
        `/${locale}/${STATIC_PAGES['organisations-add'][locale]}`,
        { cache: false as const, headers: { 'cache-control': 'no-store' }, security: { xssValidator: false } },
      ]),
    ),
    // A trainer kit's page carries the "I use this module" form: the same rules as the Atlas's form.
    ...Object.fromEntries(
      LOCALES.map((locale) => [
        `/${locale}/${SECTIONS.trainers[locale]}/*`,
        { cache: false as const, headers: { 'cache-control': 'no-store' }, security: { xssValidator: false } },
      ]),
    ),
  },

  // Bundled with the app's own Vue (an external copy would have its own Vue instance).
  build: { transpile: ['@urql/vue'] },

  nitro: {
    // The browser tests build into their own folder with a short cache TTL (scripts/test.mjs).
    ...(process.env.NUXT_OUTPUT_DIR ? { output: { dir: process.env.NUXT_OUTPUT_DIR } } : {}),
    // Pre-compressed (gzip, brotli) JavaScript and CSS, served to browsers that accept them.
    compressPublicAssets: true,
  },

  features: { inlineStyles: true },
  vite: {
    build: {
      // No modulepreload polyfill in the entry (~0.3 KB gzip): every browser with ES modules but
      // old Safari (< 17) and Firefox (< 115) supports <link rel="modulepreload">; those two load
      // the same modules through their imports, without the hint.
      modulePreload: { polyfill: false },
      // Terser (3 passes, module scope) writes the bundles 1-2 % smaller than the default minifier:
      // the margin that keeps every page's first load under its 100 KB budget.
      minify: 'terser',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
      rollupOptions: {
        output: {
          // The framework (Vue, router, Nuxt, i18n, urql, unhead and their helpers) that every page
          // loads, as one chunk: one gzip stream compresses better than the two or three chunks the
          // bundler would cut it into. Page-only libraries (marked, @nuxt/image) stay out of it.
          codeSplitting: {
            groups: [{ name: 'framework', test: FRAMEWORK_PACKAGES }],
          },
        } as never,
        treeshake: {
          // Nuxt's useAsyncData/useFetch modules create their composables with a top-level call
          // that the bundler cannot prove pure, so they stay in every bundle that imports `#app`.
          // The site loads data with urql only: when nothing imports them, they may go.
          // The typed GraphQL documents (codegen.ts) are plain constants: a chunk holds only the
          // modules whose documents it uses, not every module the barrel (generated.ts) names.
          // The server's memo (utils/server-memo.ts) goes where the browser never calls it.
          moduleSideEffects: (id: string) =>
            !/\/nuxt\/dist\/app\/composables\/(asyncData|fetch)\.js$/.test(id) &&
            !/\/graphql\/(generated|[\w-]+\.generated)\.ts$/.test(id) &&
            !/\/app\/utils\/server-memo\.ts$/.test(id),
        },
      },
    },
    // The server's bundle unminified: nothing is gained by minifying it, and its CPU profiles
    // (scripts/profile-server.mjs) then name the functions where a render's time goes.
    $server: { build: { minify: false } },
    plugins: [
      {
        // Vue stays a package the server imports (.output/server/node_modules, traced by Nitro),
        // not code bundled into it. Node resolves `vue` to its CommonJS build: bundled, every use
        // of a Vue function (hundreds per render) went through two getters of the bundler's
        // CommonJS interop, and uncached renders were 8-14 % slower (docs/benchmarks.md). One
        // copy still: everything that imports Vue, bundled or not, imports this package.
        name: 'vue-external-on-server',
        enforce: 'pre',
        applyToEnvironment: (environment) => environment.name === 'ssr',
        resolveId: (id) => (/^(vue|vue\/server-renderer|@vue\/[\w-]+)$/.test(id) ? { id, external: true } : undefined),
      },
    ],
    define: {
      // Every component uses <script setup>: Vue's Options API is dead weight in the browser.
      __VUE_OPTIONS_API__: 'false',
      ...(process.env.NUXT_HYDRATION_DETAILS ? { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' } : {}),
    },
  },
  experimental: {
    payloadExtraction: false,
    // No server components: without this, every page would load the plugin that lets links
    // inside islands navigate.
    componentIslands: false,
    // No client-side route rules and no build manifest polled by every browser: the rules (swr) are
    // the server's business, and chunk-reload still recovers from a new deployment.
    appManifest: false,
    // Links prefetch the page they lead to when the reader shows intent (hover, focus, touch), not
    // every page whose link scrolls into view: no chunks downloaded for pages never visited.
    defaults: { nuxtLink: { prefetchOn: { visibility: false, interaction: true } } },
  },

  hooks: {
    // The Atlas map's basemap (config/basemap.ts): converted from world-atlas at build, written
    // among the built site's public files, served at /map/countries.geojson.
    'nitro:build:public-assets'(nitro) {
      writeBasemap(nitro.options.output.publicDir);
    },
    // nuxt-site-config (a dependency of @nuxtjs/sitemap) adds two app plugins that copy the site
    // config into every payload and bring its stack, hashing and useAsyncData/useFetch into the
    // browser bundle. Nothing in the app reads the site config (useSiteConfig is unused): the
    // sitemap and robots.txt are server routes with their own copy.
    // @nuxtjs/i18n's plugin for <SwitchLocalePathLink> scans every rendered page for the markers of
    // that component, which the site does not use (its switcher: AppLanguageSwitcher.vue).
    'app:resolve'(app) {
      app.plugins = app.plugins.filter(
        (plugin) => !plugin.src.includes('/nuxt-site-config/') && !/\/switch-locale-path-ssr(\.js)?$/.test(plugin.src),
      );
    },
    // Its server plugin would then only write that config into every page as an inline script
    // (a render hook per request, bytes on every first load) that nothing reads.
    'nitro:init'(nitro) {
      nitro.options.plugins = nitro.options.plugins.filter(
        (plugin) => !/nuxt-site-config\/.*\/injectState/.test(plugin),
      );
    },
    // The GraphQL client (urql) and the Markdown renderer are only needed when a browser navigates
    // to a page it fetches itself, the map (Leaflet) when the Atlas's map view opens: no prefetch
    // of them on every first load.
    'build:manifest'(manifest) {
      for (const [id, chunk] of Object.entries(manifest)) {
        if (/(^|\/)graphql\/client\.ts$|node_modules\/(\.pnpm\/)?(marked|leaflet)[@/]|OrganisationMap/.test(id)) {
          chunk.prefetch = false;
          chunk.preload = false;
        }
      }
    },
  },

  typescript: { strict: true },
});

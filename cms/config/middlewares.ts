export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:', env('S3_PUBLIC_URL', "'self'")],
          'media-src': ["'self'", 'data:', 'blob:', env('S3_PUBLIC_URL', "'self'")],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: { origin: env.array('CORS_ORIGINS', ['http://localhost:3000', 'http://localhost:1337']) },
  },
  // No strapi::poweredBy: no X-Powered-By header telling what answers.
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

import { GRAPHQL_LIMITS, graphqlLimitRules } from '../src/graphql/limits';

export default ({ env }) => {
  const production = env('NODE_ENV') === 'production';
  const s3Bucket = env('S3_BUCKET', '');
  return {
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        depthLimit: 10,
        defaultLimit: GRAPHQL_LIMITS.defaultPageSize,
        maxLimit: GRAPHQL_LIMITS.maxPageSize,
        // The Apollo landing page and introspection only outside production.
        landingPage: !production,
        apolloServer: {
          introspection: !production,
          validationRules: graphqlLimitRules(),
          // No CORS of the plugin's own (it answers `*` to any origin): strapi::cors answers for
          // /graphql as for every route, with CORS_ORIGINS (config/middlewares.ts).
          cors: false,
          // Never send stack traces or internal details to clients.
          includeStacktraceInErrorResponses: false,
        },
      },
    },
    i18n: { config: { defaultLocale: 'en' } },
    'users-permissions': {
      config: { jwtSecret: env('JWT_SECRET'), register: { allowedFields: [] } },
    },
    ...(s3Bucket
      ? {
          upload: {
            config: {
              provider: 'aws-s3',
              providerOptions: {
                baseUrl: env('S3_PUBLIC_URL'),
                s3Options: {
                  credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
                  endpoint: env('S3_ENDPOINT'),
                  region: env('S3_REGION', 'eu-west-1'),
                  forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true),
                  params: { Bucket: s3Bucket },
                },
              },
            },
          },
        }
      : {}),
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST', '127.0.0.1'),
          port: env.int('SMTP_PORT', 1025),
          secure: env.bool('SMTP_SECURE', false),
          // A few reused connections: the registration outbox sends several mails at once.
          pool: true,
          maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
          // Fail fast: a mail that cannot go now waits in the registration outbox and is retried.
          connectionTimeout: env.int('SMTP_CONNECTION_TIMEOUT_MS', 10_000),
          greetingTimeout: env.int('SMTP_GREETING_TIMEOUT_MS', 10_000),
          socketTimeout: env.int('SMTP_SOCKET_TIMEOUT_MS', 30_000),
          ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
        },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'Social Tech Academy <no-reply@socialtechacademy.eu>'),
          defaultReplyTo: env('EMAIL_REPLY_TO', 'contact@socialtechacademy.eu'),
        },
      },
    },
  };
};

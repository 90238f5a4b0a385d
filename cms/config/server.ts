import { assertProductionSecrets } from '../src/security/secrets';

export default ({ env }) => {
  assertProductionSecrets(env);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: { koa: env.bool('IS_PROXIED', false) },
    app: { keys: env.array('APP_KEYS') },
  };
};

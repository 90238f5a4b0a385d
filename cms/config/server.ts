import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/security/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  assertProductionSecrets(env);
  return {
    // This machine only unless HOST says otherwise (the container images set 0.0.0.0).
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind TRUSTED_PROXY_HOPS reverse proxies (each appending to X-Forwarded-For), the client is the
    // right-most address none of them vouches for (Koa's maxIpsCount): what a client writes in the
    // header itself is never believed. 0 (default): the socket's peer is the client.
    proxy: { koa: env.int('TRUSTED_PROXY_HOPS', 0) > 0, maxIpsCount: env.int('TRUSTED_PROXY_HOPS', 0) },
    app: { keys: env.array('APP_KEYS') },
    // Where uploads are written and served from (`<dir>/uploads`): a throwaway boot (tests,
    // benchmarks: scripts/lib/boot.mjs) gets its own temporary folder, so its files go with it.
    dirs: { public: env('PUBLIC_DIR', './public') },
  };
};

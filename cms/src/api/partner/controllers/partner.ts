import fs from 'node:fs/promises';
import path from 'node:path';
import type { KoaContext } from '../../../koa';

/** The committed GraphQL SDL, the partners' contract, at a stable public URL. */
export default {
  async schema(ctx: KoaContext) {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = await fs.readFile(path.join(strapi.dirs.app.root, 'schema.graphql'), 'utf8');
  },
};

import type * as Nexus from 'nexus';
import type { KoaContext } from '../koa';

/** What the GraphQL plugin hands an extension (`service('extension').use(…)`): nexus, to declare types with. */
export interface ExtensionContext {
  nexus: typeof Nexus;
}

/** A resolver's GraphQL context: the Koa request it answers. */
export interface ResolverContext {
  koaContext: KoaContext;
}

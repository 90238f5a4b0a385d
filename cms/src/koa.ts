import type { Core } from '@strapi/strapi';

/** Koa's request context as Strapi types its controllers (the CMS does not depend on koa itself). */
export type KoaContext = Parameters<Core.ControllerHandler>[0];

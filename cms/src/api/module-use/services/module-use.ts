import { factories } from '@strapi/strapi';

/** The content manager's CRUD for editors; the public only ever reaches `useModule` (submission/). */
export default factories.createCoreService('api::module-use.module-use');

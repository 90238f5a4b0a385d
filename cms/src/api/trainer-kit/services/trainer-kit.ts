import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::trainer-kit.trainer-kit');

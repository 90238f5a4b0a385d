import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::trainer-kit.trainer-kit');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::webinar.webinar');

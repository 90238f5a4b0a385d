import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::trainers-corner.trainers-corner');

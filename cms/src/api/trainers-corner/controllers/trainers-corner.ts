import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::trainers-corner.trainers-corner');

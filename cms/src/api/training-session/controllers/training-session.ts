import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::training-session.training-session');

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::job-sheet.job-sheet');

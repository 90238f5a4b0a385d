import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::job-offer.job-offer');

import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::webinar.webinar');

import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::module.module');

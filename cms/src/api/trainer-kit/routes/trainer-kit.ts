import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::trainer-kit.trainer-kit');

import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::training-session.training-session');

import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::trainers-corner.trainers-corner');

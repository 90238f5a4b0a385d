import { tokenOnlyRouter } from '../../../security/content-routes';

export default tokenOnlyRouter('api::job-sheet.job-sheet');

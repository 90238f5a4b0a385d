// The es strings of the registration pages (es.json, the file to edit), precompiled like the
// site's (web/i18n/precompile.ts); @nuxtjs/i18n merges them with the site's es.ts.
import { precompileMessages } from '../../../../i18n/precompile';
import messages from './es.json';

export default defineI18nLocale(() => precompileMessages(messages));

// The fr strings of the registration pages (fr.json, the file to edit), precompiled like the
// site's (web/i18n/precompile.ts); @nuxtjs/i18n merges them with the site's fr.ts.
import { precompileMessages } from '../../../../i18n/precompile';
import messages from './fr.json';

export default defineI18nLocale(() => precompileMessages(messages));

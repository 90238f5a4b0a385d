// The it strings of the registration pages (it.json, the file to edit), precompiled like the
// site's (web/i18n/precompile.ts); @nuxtjs/i18n merges them with the site's it.ts.
import { precompileMessages } from '../../../../i18n/precompile';
import messages from './it.json';

export default defineI18nLocale(() => precompileMessages(messages));

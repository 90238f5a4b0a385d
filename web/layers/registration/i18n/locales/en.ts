// The en strings of the registration pages (en.json, the file to edit), precompiled like the
// site's (web/i18n/precompile.ts); @nuxtjs/i18n merges them with the site's en.ts.
import { precompileMessages } from '../../../../i18n/precompile';
import messages from './en.json';

export default defineI18nLocale(() => precompileMessages(messages));

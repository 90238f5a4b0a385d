// The es UI strings (es.json, the file to edit), precompiled (see ../precompile.ts).
import { precompileMessages } from '../precompile';
import messages from './es.json';

export default defineI18nLocale(() => precompileMessages(messages));

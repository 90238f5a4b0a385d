// The it UI strings (it.json, the file to edit), precompiled (see ../precompile.ts).
import { precompileMessages } from '../precompile';
import messages from './it.json';

export default defineI18nLocale(() => precompileMessages(messages));

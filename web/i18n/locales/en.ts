// The en UI strings (en.json, the file to edit), precompiled (see ../precompile.ts).
import { precompileMessages } from '../precompile';
import messages from './en.json';

export default defineI18nLocale(() => precompileMessages(messages));

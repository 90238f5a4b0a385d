// The fr UI strings (fr.json, the file to edit), precompiled (see ../precompile.ts).
import { precompileMessages } from '../precompile';
import messages from './fr.json';

export default defineI18nLocale(() => precompileMessages(messages));

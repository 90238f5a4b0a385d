import { serverMemo } from '~/utils/server-memo';

// A plain message's text in each language, by `language\0key`: the messages are the site's own
// files (i18n/locales, compiled at build), the same for every request.
const texts = serverMemo(5000);

/**
 * On the server, `t(key)` (a message without parameters: labels, headings, the names of kinds and
 * roles) looks its text up once per process and language, not once per use: a list page asks for
 * the same few dozen texts a hundred times per render, and each `t` costs vue-i18n a message
 * context. A call with parameters (counts, names) goes to vue-i18n as before, and so does a key
 * without a message (its text is the key itself: not kept, so a message loaded later still shows).
 */
export default defineNuxtPlugin({
  name: 'i18n-texts',
  dependsOn: ['i18n:plugin'],
  setup(nuxtApp) {
    const composer = nuxtApp.$i18n;
    const translate = composer.t as (...args: unknown[]) => string;
    composer.t = ((...args: unknown[]) => {
      const [key] = args;
      if (args.length !== 1 || typeof key !== 'string') return translate(...args);
      return texts(
        `${composer.locale.value}\0${key}`,
        () => translate(key),
        (text) => text !== key,
      );
    }) as typeof composer.t;
  },
});

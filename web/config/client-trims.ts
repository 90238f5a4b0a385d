// Code that Nuxt and its modules put in every page's browser JavaScript although this site's
// configuration never runs it: each trim replaces one exact statement in one file of the browser
// build. The build fails when the statement is no longer there (the dependency changed: look
// again), and a trim is only applied while the configuration that makes its code dead holds.

interface Trim {
  file: RegExp;
  from: string;
  to: string;
}

interface TransformContext {
  error(message: string): never;
}

interface Config {
  app: { pageTransition?: unknown; layoutTransition?: unknown; keepalive?: unknown };
  i18n?: { detectBrowserLanguage?: unknown };
}

/** A Vite plugin (typed structurally: Vite is not a direct dependency of this package). */
export function clientTrims({ app, i18n }: Config) {
  const trims: Trim[] = [];
  // NuxtPage and NuxtLayout wrap the page in <Transition> and <KeepAlive> only when a transition or
  // keep-alive is configured (app config or a page's meta); the references alone keep both
  // components (~3 KB gzip). Replaced by a component that renders its content as it is.
  if (app.pageTransition || app.layoutTransition || app.keepalive) {
    throw new Error('config/client-trims.ts: a transition or keep-alive is configured: remove the transition trims');
  }
  trims.push(
    {
      file: /\/nuxt\/dist\/app\/components\/utils\.js$/,
      from: 'import { Transition, createStaticVNode, h } from "vue";',
      to: 'import { createStaticVNode, h } from "vue";\nconst Transition = (_, { slots }) => slots.default?.();',
    },
    {
      file: /\/nuxt\/dist\/pages\/runtime\/utils\.js$/,
      from: 'import { KeepAlive, h } from "vue";',
      to: 'import { h } from "vue";\nconst KeepAlive = (_, { slots }) => slots.default?.();',
    },
  );
  // @nuxtjs/i18n reads and writes its locale cookie only for browser-language detection, which is
  // off (`/` negotiates on the server): no cookie code (Nuxt's useCookie, cookie-es) in the browser.
  if (i18n?.detectBrowserLanguage === false) {
    trims.push(
      {
        file: /\/@nuxtjs\/i18n\/dist\/runtime\/context\.js$/,
        from: 'const localeCookie = useI18nCookie(detectConfig);',
        to: 'const localeCookie = { value: void 0 };',
      },
      {
        file: /\/@nuxtjs\/i18n\/dist\/runtime\/shared\/detection\.js$/,
        from: 'const getCookieLocale = (event, cookieName) => (import.meta.client ? useCookie(cookieName).value : getCookie(event, cookieName)) || void 0;',
        to: 'const getCookieLocale = () => void 0;',
      },
    );
  }
  // vue-i18n merges a locale's messages by deep-copying them into its messages, a deep `ref` in the
  // browser: the first (and here only) messages of a locale, the page's whole message file
  // (precompiled ASTs), went one property at a time through Vue's reactive proxies, ~20 ms of the
  // main thread at hydration (×4 for Lighthouse's phone). When the locale holds no messages yet the
  // result is the same object tree: it is taken as it is (the browser fetched it for this alone:
  // nothing else holds it). Later merges into a non-empty locale still deep-copy.
  trims.push({
    file: /\/vue-i18n\/dist\/vue-i18n(\.runtime)?\.mjs$/,
    from: `        _messages.value[locale] = getOwn(_messages.value, locale) || {};
        if (flatJson) {
            handleFlatJson(message);
        }
        deepCopy(message, _messages.value[locale]);`,
    to: `        const held = getOwn(_messages.value, locale);
        if (flatJson) {
            handleFlatJson(message);
        }
        if (!held || !Object.keys(held).length) _messages.value[locale] = message;
        else deepCopy(message, held);`,
  });
  return {
    name: 'sta:client-trims',
    enforce: 'pre' as const,
    transform(this: TransformContext, code: string, id: string, options?: { ssr?: boolean }) {
      if (options?.ssr) return;
      if (
        !id.includes('node_modules') &&
        /definePageMeta\([^)]*\b(pageTransition|layoutTransition|keepalive)\b/s.test(code)
      ) {
        this.error(
          `${id}: a page transition or keep-alive needs the transition trims of config/client-trims.ts removed`,
        );
      }
      const path = id.split('?')[0]!;
      const matching = trims.filter(({ file }) => file.test(path));
      if (!matching.length) return;
      let result = code;
      for (const trim of matching) {
        if (!result.includes(trim.from))
          this.error(`config/client-trims.ts: ${path} no longer contains "${trim.from}"`);
        result = result.replace(trim.from, trim.to);
      }
      return { code: result, map: null };
    },
  };
}

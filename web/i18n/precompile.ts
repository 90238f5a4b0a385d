import { baseCompile, type CompileError } from '@intlify/message-compiler';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

/**
 * The UI strings as vue-i18n message ASTs (what unplugin-vue-i18n emits in JIT mode): plain JSON
 * that vue-i18n's runtime evaluates — plurals, named and list interpolation — without the message
 * compiler. Run on the server when a locale is first loaded; the site's server renders with these
 * ASTs and @nuxtjs/i18n's messages endpoint sends them to the browser as they are, so no browser
 * ever compiles a message and the compiler is left out of the client bundle
 * (`bundle.dropMessageCompiler`). A message that does not compile fails the load, loudly.
 */
export function precompileMessages(messages: MessageTree): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === 'string' ? compile(value, key) : precompileMessages(value),
    ]),
  );
}

function compile(source: string, key: string): unknown {
  const errors: CompileError[] = [];
  const { ast } = baseCompile(source, {
    jit: true,
    minify: true,
    location: false,
    onError: (error) => errors.push(error),
  });
  if (errors.length) throw new Error(`Locale message "${key}" does not compile: ${errors[0]!.message} in "${source}"`);
  return ast;
}

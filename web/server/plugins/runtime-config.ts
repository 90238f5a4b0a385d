// Nitro 2's `useRuntimeConfig(event)` builds each request its own copy of the runtime config: a deep
// clone, then every key checked against the environment (NUXT_*/NITRO_* overrides, by kebab-casing
// each key path). Every request pays it once, and the modules' middleware (i18n, nuxt-security,
// nuxt-site-config) ask for it with the event on every request, robots.txt and cache hits included:
// about half of the server's CPU under load (docs/benchmarks.md "Where a request's time goes"). The
// environment is read once at start (the process-wide config `useRuntimeConfig()` returns is built
// from the same environment, with the same overrides), so every request gets that one, frozen:
// whatever tried to write into it would throw rather than leak into other requests. The event's
// context is prepared before h3 handles the request (Nitro keeps an existing `context.nitro`).
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig();
  const handle = nitroApp.h3App.handler;
  nitroApp.h3App.handler = (event) => {
    event.context.nitro ??= { errors: [] };
    event.context.nitro.runtimeConfig ??= config;
    return handle(event);
  };
});

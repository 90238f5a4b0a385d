import type { RouteRecordRaw, Router } from 'vue-router';
import { LOCALES } from '#shared/routes';

/**
 * The browser's router starts with the routes of the page's language only (and those of no
 * language): @nuxtjs/i18n gives each page one route per language, and vue-router parses every
 * route's path when it is created, the longest part of the router's start (~¾ of it for the other
 * three languages). The other languages' routes are added right after, a language per task
 * (addOtherLocaleRoutes, from plugins/router-yield.client.ts), and at once whenever something asks
 * the router for a route it does not hold yet (a link to another language before they are in).
 */
let deferred: RouteRecordRaw[] = [];

const localeOf = (route: RouteRecordRaw) => String(route.name ?? '').match(/___([a-z]{2})$/)?.[1];

/** The routes to create the browser's router with; the others wait in `deferred`. */
export function currentLocaleRoutes(routes: readonly RouteRecordRaw[]): RouteRecordRaw[] {
  const current = location.pathname.split('/')[1];
  if (!(LOCALES as readonly string[]).includes(current ?? '')) return [...routes];
  deferred = routes.filter((route) => localeOf(route) && localeOf(route) !== current);
  return routes.filter((route) => !deferred.includes(route));
}

function addDeferred(router: Router, routes: RouteRecordRaw[]) {
  for (const route of routes) if (!router.hasRoute(route.name!)) router.addRoute(route);
}

/** Adds the other languages' routes, one language per task; at once when a resolution needs them. */
export function addOtherLocaleRoutes(router: Router, yieldToMain: () => Promise<void>) {
  if (!deferred.length) return;
  const resolve = router.resolve.bind(router);
  const addAll = () => {
    const all = deferred;
    deferred = [];
    addDeferred(router, all);
  };
  router.resolve = ((...args: Parameters<Router['resolve']>) => {
    if (!deferred.length) return resolve(...args);
    try {
      const resolved = resolve(...args);
      if (resolved.matched.length) return resolved;
    } catch {
      // A route name it does not hold yet: added below.
    }
    addAll();
    return resolve(...args);
  }) as Router['resolve'];
  // A navigation resolves inside vue-router, not through router.resolve.
  const unguard = router.beforeEach((to) => {
    if (!deferred.length) return unguard();
    if (to.matched.length) return;
    addAll();
    return to.fullPath;
  });
  void (async () => {
    for (const locale of LOCALES) {
      await yieldToMain();
      const now = deferred.filter((route) => localeOf(route) === locale);
      if (!now.length) continue;
      deferred = deferred.filter((route) => !now.includes(route));
      addDeferred(router, now);
    }
    addAll();
  })();
}

import type { RouteRecordRaw, Router } from 'vue-router';
import { LOCALES } from '#shared/routes';
import { yieldToMain } from '~/utils/hydration';

/**
 * The browser's router starts with the routes of the page's language only (and those of no
 * language): @nuxtjs/i18n gives each page one route per language, and vue-router parses every
 * route's path when it is created, most of the router's start (the other three languages: ¾ of
 * the routes). The others are added right after, a language per task, and all at once before the
 * app renders (`app:created`) if some are still waiting: nothing resolves a route before then but
 * the router's first navigation, to the page's own route (addOtherLocaleRoutes).
 */
let deferred: RouteRecordRaw[] = [];

/** The routes to create the browser's router with; the others wait in `deferred`. */
export function currentLocaleRoutes(routes: readonly RouteRecordRaw[]): RouteRecordRaw[] {
  const current = location.pathname.split('/')[1] ?? '';
  if (!(LOCALES as readonly string[]).includes(current)) return [...routes];
  const others = new RegExp(`___(?!${current}$)[a-z]{2}$`);
  deferred = routes.filter((route) => others.test(String(route.name)));
  return routes.filter((route) => !others.test(String(route.name)));
}

/** Adds the other languages' routes, a language per task, the rest at `app:created`. */
export function addOtherLocaleRoutes(router: Router, onCreated: (hook: () => void) => void) {
  const add = (routes: RouteRecordRaw[]) => {
    deferred = deferred.filter((route) => !routes.includes(route));
    for (const route of routes) router.addRoute(route);
  };
  onCreated(() => add(deferred));
  void (async () => {
    for (const locale of LOCALES) {
      await yieldToMain();
      add(deferred.filter((route) => String(route.name).endsWith(`___${locale}`)));
    }
  })();
}

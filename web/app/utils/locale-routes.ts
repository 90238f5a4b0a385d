import type { RouteLocationNormalizedLoaded, RouteRecordRaw, Router } from 'vue-router';
import { isLocale, LOCALES, type Locale } from '#shared/routes';
import { yieldToMain } from '~/utils/hydration';

/**
 * A router starts with the routes of the page's language only (and those of no language):
 * @nuxtjs/i18n gives each page one route per language (`<name>___<locale>`), and vue-router
 * parses every route's path when it is created, most of its start (the other three languages: ¾
 * of the routes).
 * - On the server, a router is created for every request, and nothing a page renders resolves a
 *   route of another language: the language switcher's links are built from the routes' paths
 *   (switchPath), not by the router.
 * - In the browser, the others are added right after, a language per task, and all at once before
 *   the app renders (`app:created`) if some are still waiting: nothing resolves a route before then
 *   but the router's first navigation, to the page's own route (addOtherLocaleRoutes).
 */
let deferred: RouteRecordRaw[] = [];

/** Every route's path by name (`modules-slug___fr`: `/fr/modules/:slug()`): the same routes for every page. */
const routePaths = new Map<string, string>();

/** The routes to create a router with for the page at `path`; in the browser, the others wait in `deferred`. */
export function currentLocaleRoutes(routes: readonly RouteRecordRaw[], path: string): RouteRecordRaw[] {
  if (!routePaths.size) for (const route of routes) if (route.name) routePaths.set(String(route.name), route.path);
  const current = path.split('/')[1] ?? '';
  if (!isLocale(current)) return [...routes];
  const others = new RegExp(`___(?!${current}$)[a-z]{2}$`);
  if (import.meta.client) deferred = routes.filter((route) => others.test(String(route.name)));
  return routes.filter((route) => !others.test(String(route.name)));
}

/**
 * The path of the page `route` shows (`baseName`: its route's name without the language) in
 * `locale`, with the same parameters, query and hash; undefined for a page without that language.
 */
export function switchPath(route: RouteLocationNormalizedLoaded, baseName: string, locale: Locale): string | undefined {
  const pattern = routePaths.get(`${baseName}___${locale}`);
  if (pattern === undefined) return undefined;
  const path = pattern.replace(/:(\w+)(?:\([^)]*\))?/g, (_, name: string) => {
    const value = route.params[name];
    return encodeURIComponent(Array.isArray(value) ? value.join('/') : (value ?? ''));
  });
  return path + route.fullPath.slice(route.path.length);
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

import type { RouterConfig } from '@nuxt/schema';
import { currentLocaleRoutes } from '~/utils/locale-routes';

// In the browser, the router starts with the page's language's routes (utils/locale-routes.ts).
export default {
  routes: (routes) => (import.meta.client ? currentLocaleRoutes(routes) : [...routes]),
} satisfies RouterConfig;

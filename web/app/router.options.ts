import type { RouterConfig } from '@nuxt/schema';
import { currentLocaleRoutes } from '~/utils/locale-routes';

// The router starts with the page's language's routes (utils/locale-routes.ts).
export default {
  routes: (routes) => currentLocaleRoutes(routes, import.meta.client ? location.pathname : useRequestEvent()!.path),
} satisfies RouterConfig;

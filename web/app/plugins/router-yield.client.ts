import type { Router } from 'vue-router';
import { addOtherLocaleRoutes } from '~/utils/locale-routes';

/**
 * More breaks in the app's start (see plugins/start-yield.client.ts): after the router (Nuxt's
 * `pre` plugins) and before the i18n plugins; before the hydration (`app:created`); and after it,
 * the head's first update in the document (which only confirms the server's tags) in a task of its own.
 */
export default defineNuxtPlugin({
  name: 'sta:router-yield',
  order: -19,
  async setup(nuxtApp) {
    const head = injectHead();
    let firstRenderDeferred = false;
    head.hooks?.hook('dom:beforeRender', (context) => {
      if (firstRenderDeferred || !context.shouldRender || !nuxtApp.isHydrating) return;
      firstRenderDeferred = true;
      context.shouldRender = false;
      void yieldToMain().then(() => head.render());
    });
    // The router started with the page's language's routes: the others come in tasks of their own.
    addOtherLocaleRoutes(nuxtApp.$router as Router, (added) => nuxtApp.hook('app:created', added));
    nuxtApp.hook('app:created', yieldToMain);
    await yieldToMain();
  },
});

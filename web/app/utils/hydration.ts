import { defineAsyncComponent, hydrateOnInteraction, type Component } from 'vue';
import AppCards from '~/components/app/AppCards.vue';
import AppFooter from '~/components/app/AppFooter.vue';
import AppHeader from '~/components/app/AppHeader.vue';
import AppSection from '~/components/app/AppSection.vue';

/**
 * Parts of a page that hydrate on their own, the first time the reader reaches for them: the
 * pointer comes over them (mouse, touch, pen) or focus moves into them (keyboard). Until then they
 * are the server's HTML, whose links are plain links: nothing waits for them, and the parts nobody
 * touches cost the browser nothing. (The filters, a form whose first change must count, hydrate
 * with the page.) The event that woke a part is dispatched again once it has hydrated (Vue's
 * hydrateOnInteraction), so their code is loaded with the page's (Nuxt's `Lazy…` components
 * would only start fetching it then). A part whose props change before it hydrated (another page
 * of a list, a filter) is rendered anew.
 */
export const ON_INTERACTION: (keyof HTMLElementEventMap)[] = ['pointerover', 'focusin'];

// Typed as the component itself (a generic component, AppCards, keeps its typed slot). The server
// renders the component itself: an async wrapper adds no markup, only a component instance and a
// promise per part on every render.
function onInteraction<T>(component: T): T {
  if (import.meta.server) return component;
  return defineAsyncComponent({
    loader: async () => component as Component,
    hydrate: hydrateOnInteraction(ON_INTERACTION),
  }) as T;
}

export const DeferredCards = onInteraction(AppCards);
export const DeferredFooter = onInteraction(AppFooter);
export const DeferredHeader = onInteraction(AppHeader);
export const DeferredSection = onInteraction(AppSection);

/** Lets the browser run what waits (input, rendering) before the app goes on starting. */
export const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

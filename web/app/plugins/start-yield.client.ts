/**
 * The app starts in the browser in several short tasks instead of a few long ones, so that a
 * reader who taps or types while it starts is answered between them (plugins/router-yield.client.ts
 * for the other breaks). This first break comes after the scripts are evaluated and the app
 * created, before any plugin runs.
 */
export default defineNuxtPlugin({
  name: 'sta:start-yield',
  order: -40,
  setup: () => yieldToMain(),
});

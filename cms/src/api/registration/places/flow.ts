import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code that keeps the place count itself (registering, cancelling, erasing), so that the
 * document-service middleware that reconciles the count after other writers (editors in the
 * admin, the seed) stays out of its way. Only an optimisation: reconciling is always correct.
 */
const flow = new AsyncLocalStorage<true>();

export const inRegistrationFlow = () => flow.getStore() === true;
export const asRegistrationFlow = <T>(fn: () => Promise<T>) => flow.run(true, fn);

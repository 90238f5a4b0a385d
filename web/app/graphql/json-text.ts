// The JSON text of data the data cache keeps (frozen: the same object render after render), worked
// out once: the cache sizes an answer by it, and each render's payload carries it.
const TEXTS = new WeakMap<object, string>();

export function jsonText(data: unknown): string {
  const kept = data !== null && typeof data === 'object' && Object.isFrozen(data);
  let text = kept ? TEXTS.get(data) : undefined;
  if (text === undefined) {
    text = JSON.stringify(data);
    if (kept) TEXTS.set(data as object, text);
  }
  return text;
}

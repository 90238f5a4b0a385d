/**
 * A text kept by key for the life of the server process: what every render computes again the
 * same way (a URL, a formatted date, a message) is computed once. The key must name every input
 * of `compute`. At most `max` keys (all dropped at once when full: the working set of a site this
 * size is a few hundred). `keep` can refuse a value (one that may still change). In the browser
 * nothing is kept: a page computes each text once anyway.
 */
export function serverMemo(max: number) {
  const values = new Map<string, string>();
  return (key: string, compute: () => string, keep?: (value: string) => boolean): string => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute();
      if (import.meta.server && (!keep || keep(value))) {
        if (values.size >= max) values.clear();
        values.set(key, value);
      }
    }
    return value;
  };
}

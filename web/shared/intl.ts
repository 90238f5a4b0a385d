// Building an Intl formatter or collator is costly (locale data: tens of microseconds on a server,
// milliseconds on a slow phone), using one is cheap: each (locale, options) formatter is built once per
// process and reused, by every render of the server and every page of the browser.
const built = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>();

function once<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>(key: string, build: () => T): T {
  let value = built.get(key) as T | undefined;
  if (!value) built.set(key, (value = build()));
  return value;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/**
 * Alphabetical order in `locale`: `.sort(byName(locale, (x) => x.name))`. The same order as
 * `a.localeCompare(b, locale)`, which builds a collator for every comparison.
 */
export function byName<T>(locale: string, name: (item: T) => string): (a: T, b: T) => number {
  const { compare } = once(`collator ${locale}`, () => new Intl.Collator(locale));
  return (a, b) => compare(name(a), name(b));
}

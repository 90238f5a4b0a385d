// Building an Intl formatter is costly (locale data: tens of microseconds on a server,
// milliseconds on a slow phone), using one is cheap: each (locale, options) formatter is built once per
// process and reused, by every render of the server and every page of the browser.
const built = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function once<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
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

// Building an Intl.DisplayNames is costly (locale data), using one is cheap: one per language.
const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionNames(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      // Left null: codes are shown as they are.
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale)!;
}

/** "France", "Francia"…: country names in the reader's language (Intl, no data to ship). */
export function useCountryName() {
  const locale = useCurrentLocale();
  const text = useServerText();
  const name = (code: string) => {
    try {
      return regionNames(locale.value)?.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
  return (code: string | null | undefined) => (code ? text(`country:${locale.value}:${code}`, () => name(code)) : '');
}

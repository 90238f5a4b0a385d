/** "France", "Francia"…: country names in the reader's language (Intl, no data to ship). */
export function useCountryName() {
  const locale = useCurrentLocale();
  return (code: string | null | undefined) => {
    if (!code) return '';
    try {
      return new Intl.DisplayNames([locale.value], { type: 'region' }).of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
}

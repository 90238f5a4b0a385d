/**
 * Text the server formats with Intl (dates in a session's zone, months, country names), carried
 * in the payload: the browser shows the same text without building a formatter while it
 * hydrates (building one costs tens of milliseconds on a slow phone), and the text is the
 * server's even where the browser's ICU data words it differently ("UTC+1" / "GMT+1"). The key
 * must name every input of `compute`; the browser computes what the server did not carry.
 */
export function useServerText() {
  const texts = useState<Record<string, string>>('server-texts', () => ({}));
  return (key: string, compute: () => string): string => {
    const carried = texts.value[key];
    if (carried !== undefined) return carried;
    const value = compute();
    if (import.meta.server) texts.value[key] = value;
    return value;
  };
}

import { serverMemo } from '~/utils/server-memo';

// On the server, every text computed so far, by key: the same dates, months and country orders
// render after render (the key names every input). Not in the browser's bundle.
const serverTexts = import.meta.server ? serverMemo(5000) : undefined;

/**
 * Text the server formats with Intl (dates in a session's zone, months, country names), carried
 * in the payload: the browser shows the same text without building a formatter while it
 * hydrates (building one costs tens of milliseconds on a slow phone), and the text is the
 * server's even where the browser's ICU data words it differently ("UTC+1" / "GMT+1"). The key
 * must name every input of `compute`: the server computes a key's text once per process, and the
 * browser computes what the server did not carry.
 */
export function useServerText() {
  const texts = useState<Record<string, string>>('server-texts', () => ({}));
  return (key: string, compute: () => string): string => {
    const carried = texts.value[key];
    if (carried !== undefined) return carried;
    if (!serverTexts) return compute();
    const value = serverTexts(key, compute);
    texts.value[key] = value;
    return value;
  };
}

// Paged lists (the Atlas): `?page=` in the URL, so every page is a link that works without JavaScript.

/** The page asked for in a route query: a whole number from 1, else 1. */
export function pageFromQuery(query: Record<string, unknown>): number {
  const raw = Array.isArray(query.page) ? query.page[0] : query.page;
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, page);
}

/**
 * The page numbers a pagination shows: the first, the last, and those around the current page,
 * with `null` for each gap ("…"). `pageWindow(6, 12)` is `[1, null, 5, 6, 7, null, 12]`.
 */
export function pageWindow(page: number, pageCount: number, around = 1): (number | null)[] {
  const shown = new Set([1, pageCount]);
  for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pageCount) shown.add(p);
  const pages = [...shown].filter((p) => p >= 1).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [index, p] of pages.entries()) {
    const previous = pages[index - 1];
    // A gap of a single page shows that page rather than "…".
    if (previous !== undefined && p - previous === 2) result.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) result.push(null);
    result.push(p);
  }
  return result;
}

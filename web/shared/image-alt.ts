/**
 * The alternative text of a CMS image on a page: empty when the editor marked the image
 * decorative (screen readers skip it), else the entry's own text in the page's language (the CMS
 * refuses to publish an informative image without it: cms/src/editors/alt-text.ts). The media
 * library's text (one per file, whatever the language) is only the last resort, for entries
 * published before the rule.
 */
export function imageAlt(
  image: { alternativeText?: string | null } | null | undefined,
  alt: string | null | undefined,
  decorative: boolean | null | undefined,
): string {
  if (decorative) return '';
  return alt?.trim() || image?.alternativeText?.trim() || '';
}

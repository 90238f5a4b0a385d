import { describe, expect, it } from 'vitest';
import { imageAlt } from '../../shared/image-alt';

describe('imageAlt', () => {
  const file = { alternativeText: 'Texte de la médiathèque' };
  it("reads the entry's own text in the page's language", () => {
    expect(imageAlt(file, 'Una foglia verde', false)).toBe('Una foglia verde');
    expect(imageAlt(file, '  Una foglia verde ', null)).toBe('Una foglia verde');
  });
  it('is empty for a decorative image, whatever text there is', () => {
    expect(imageAlt(file, 'Una foglia verde', true)).toBe('');
  });
  it("falls back to the media library's text, then to nothing, for entries without their own", () => {
    expect(imageAlt(file, null, false)).toBe('Texte de la médiathèque');
    expect(imageAlt(file, '   ', undefined)).toBe('Texte de la médiathèque');
    expect(imageAlt({ alternativeText: null }, null, false)).toBe('');
    expect(imageAlt(null, null, null)).toBe('');
  });
});

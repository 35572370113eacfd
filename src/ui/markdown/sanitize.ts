/**
 * Every piece of HTML the UI inserts goes through here: lesson prose, text/markdown and
 * text/html outputs. DOMPurify needs a DOM, so this is the only module that touches it;
 * the configs are plain data so they can be tested in a real browser.
 */
import DOMPurify, { type Config } from 'dompurify';

/**
 * Cell outputs: DOMPurify's defaults (no scripts, no event handlers, no `javascript:`
 * URLs) plus what KaTeX's MathML needs. `semantics`/`annotation` hold the TeX source
 * for screen readers; `annotation-xml` (an mXSS vector) stays forbidden.
 */
export const OUTPUT_SANITIZE_CONFIG = {
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['target', 'encoding'],
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
} satisfies Config;

/**
 * Lesson prose: the same, except that ids survive. DOMPurify's DOM-clobbering guard drops
 * any id that is also a `document` property, which would silently remove the anchor of
 * headings such as "Images" or "Links"; lesson files ship with the site. `name` goes
 * anyway (lessons never need it): with no `name` and no form, embed, iframe or object,
 * nothing can shadow a `document` property such as `createElement`.
 */
export const PROSE_SANITIZE_CONFIG = {
  ...OUTPUT_SANITIZE_CONFIG,
  SANITIZE_DOM: false,
  FORBID_ATTR: ['name'],
} satisfies Config;

/**
 * The prose of an imported notebook (a file from anywhere): DOMPurify's clobbering guard
 * stays on, as for cell outputs, so `<img name="createElement">` cannot break the app.
 * A heading whose id is a `document` property loses its anchor; nothing else changes.
 */
export const IMPORTED_PROSE_SANITIZE_CONFIG = OUTPUT_SANITIZE_CONFIG;

export type SanitizeProfile = 'output' | 'prose' | 'imported';

const CONFIGS: Record<SanitizeProfile, Config> = {
  output: OUTPUT_SANITIZE_CONFIG,
  prose: PROSE_SANITIZE_CONFIG,
  imported: IMPORTED_PROSE_SANITIZE_CONFIG,
};

export function sanitizeHtml(html: string, profile: SanitizeProfile = 'output'): string {
  return DOMPurify.sanitize(html, { ...CONFIGS[profile], RETURN_TRUSTED_TYPE: false });
}

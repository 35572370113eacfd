/**
 * A markdown-it plugin that gives every heading an `id`, so a lesson can be linked to a
 * section and a table of contents can scroll to it. Ids are unique within one render.
 */
import type { MarkdownIt } from 'markdown-it';

/** 'Gradient descent, step by step!' → 'gradient-descent-step-by-step'. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: 'é' → 'e', so ids stay typeable
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return slug || 'section';
}

interface HeadingEnv {
  headingIds?: Map<string, number>;
}

export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', (state) => {
    // The env lives for one render call, which is exactly the scope ids must be unique in.
    const env = state.env as HeadingEnv;
    const seen = (env.headingIds ??= new Map<string, number>());
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length - 1; i++) {
      const open = tokens[i];
      if (open.type !== 'heading_open' || open.attrGet('id') !== null) continue;
      const inline = tokens[i + 1];
      const text = (inline.children ?? [])
        .filter((t) => t.type === 'text' || t.type === 'code_inline' || t.type === 'math_inline')
        .map((t) => t.content)
        .join('');
      const base = slugify(text);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      open.attrSet('id', count === 0 ? base : `${base}-${count}`);
    }
  });
}

/**
 * The one configured markdown-it instance, shared by lesson prose (Markdown.svelte) and
 * the text/markdown output renderer, so math and links look the same everywhere.
 *
 * The HTML it returns is NOT sanitized: callers pass it through `sanitize.ts`.
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import markdownItKatexModule from '@vscode/markdown-it-katex';
import { headingIds } from './headingIds';
import { verdictMarks } from './verdict-marks';

// The plugin is CommonJS with `exports.default`: Node hands over the function, while
// Vite's browser interop hands over the module object. Accept both.
type KatexPlugin = typeof markdownItKatexModule;
const markdownItKatex: KatexPlugin =
  typeof markdownItKatexModule === 'function'
    ? markdownItKatexModule
    : (markdownItKatexModule as unknown as { default: KatexPlugin }).default;

function createMarkdown(): MarkdownItInstance {
  // Raw HTML is allowed because every render is sanitized afterwards; lessons use it for
  // <details>, <kbd> and small figures.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItKatex, { throwOnError: false, enableFencedBlocks: true });
  md.use(headingIds);
  md.use(verdictMarks);

  // External links open in a new tab so a learner does not lose the notebook's state.
  const defaultLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    if (/^https?:\/\//i.test(href)) {
      tokens[idx].attrSet('target', '_blank');
      tokens[idx].attrSet('rel', 'noopener noreferrer');
    }
    return defaultLinkOpen
      ? defaultLinkOpen(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  return md;
}

export const markdown: MarkdownItInstance = createMarkdown();

/** Markdown (with `$…$` and `$$…$$` math) to unsanitized HTML. */
export function renderMarkdown(source: string): string {
  return markdown.render(source, {});
}

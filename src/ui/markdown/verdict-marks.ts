/**
 * ✅ and ❌ in Markdown (a check's verdict: `md('✅ **Right.**')`) become marks drawn with
 * CSS (`.verdict-mark` in theme.css), so they never depend on an emoji font: without one,
 * the emoji renders as an empty box. Screen readers hear "passed" / "failed". Code spans
 * and blocks keep the characters as written.
 */
import type { MarkdownIt } from 'markdown-it';

const MARKS: Record<string, { kind: string; label: string }> = {
  '\u2705': { kind: 'ok', label: 'passed' },
  '\u274C': { kind: 'fail', label: 'failed' },
};
// The emoji, with the optional emoji-presentation selector that may follow it.
const VERDICT = /(\u2705|\u274C)\uFE0F?/g;

export function verdictMarks(md: MarkdownIt): void {
  const renderText = md.renderer.rules.text!;
  md.renderer.rules.text = (tokens, idx, options, env, self) =>
    renderText(tokens, idx, options, env, self).replace(VERDICT, (_, emoji: string) => {
      const { kind, label } = MARKS[emoji];
      return `<span class="verdict-mark ${kind}" role="img" aria-label="${label}"></span>`;
    });
}

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/ui/markdown/markdown';

const OK = '<span class="verdict-mark ok" role="img" aria-label="passed"></span>';
const FAIL = '<span class="verdict-mark fail" role="img" aria-label="failed"></span>';

describe('verdict marks', () => {
  it('draws ✅ and ❌ with CSS instead of an emoji font', () => {
    const html = renderMarkdown('✅ **Your gradient matches.** ❌️ not this one');
    expect(html).toBe(
      `<p>${OK} <strong>Your gradient matches.</strong> ${FAIL} not this one</p>\n`,
    );
    expect(html).not.toMatch(/[\u2705\u274C\uFE0F]/);
  });

  it('leaves code as written', () => {
    expect(renderMarkdown('`✅`')).toBe('<p><code>✅</code></p>\n');
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/ui/markdown/markdown';
import { slugify } from '../../../src/ui/markdown/headingIds';

describe('renderMarkdown', () => {
  it('renders inline math with KaTeX (HTML and MathML)', () => {
    const html = renderMarkdown('The loss is $L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2$.');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).toContain('class="mfrac"');
    expect(html).not.toContain('$L');
  });

  it('renders display math as a block', () => {
    const html = renderMarkdown('$$\n\\nabla_w L = 2X^T(Xw - y)\n$$');
    expect(html).toContain('katex-display');
    expect(html).toContain('katex-block');
  });

  it('does not treat prices as math', () => {
    const html = renderMarkdown('It costs $5 and $10.');
    expect(html).not.toContain('katex');
  });

  it('shows invalid TeX as an error instead of throwing', () => {
    expect(renderMarkdown('$\\frac{1}{$')).toContain('katex-error');
  });

  it('gives headings unique ids', () => {
    const html = renderMarkdown('# Gradient descent\n\n## Step size\n\n## Step size\n');
    expect(html).toContain('<h1 id="gradient-descent">');
    expect(html).toContain('<h2 id="step-size">');
    expect(html).toContain('<h2 id="step-size-1">');
  });

  it('restarts ids for each render', () => {
    renderMarkdown('# Intro');
    expect(renderMarkdown('# Intro')).toContain('<h1 id="intro">');
  });

  it('opens external links in a new tab, keeps internal links in place', () => {
    const html = renderMarkdown('[tfjs](https://js.tensorflow.org) and [next](#/lesson/w1/b)');
    expect(html).toContain(
      '<a href="https://js.tensorflow.org" target="_blank" rel="noopener noreferrer">',
    );
    expect(html).toContain('<a href="#/lesson/w1/b">next</a>');
  });
});

describe('slugify', () => {
  it('makes readable, typeable ids', () => {
    expect(slugify('Gradient descent, step by step!')).toBe('gradient-descent-step-by-step');
    expect(slugify('  Régression  linéaire ')).toBe('regression-lineaire');
    expect(slugify('`fit()` in 3 lines')).toBe('fit-in-3-lines');
    expect(slugify('!!!')).toBe('section');
  });
});

/** The small part of Plotly's API the plot renderer uses (the package ships no types). */
declare module 'plotly.js-dist-min' {
  export function react(
    root: HTMLElement,
    data: unknown[],
    layout?: Record<string, unknown>,
    config?: Record<string, unknown>,
  ): Promise<HTMLElement>;
  export function purge(root: HTMLElement): void;
  /** Draws a figure off-screen; resolves to a data: URL (used by .ipynb export). */
  export function toImage(
    figure: { data: unknown[]; layout?: Record<string, unknown> },
    options: { format: 'png' | 'svg' | 'jpeg' | 'webp'; width: number; height: number },
  ): Promise<string>;
  export const Plots: { resize(root: HTMLElement): void };
}

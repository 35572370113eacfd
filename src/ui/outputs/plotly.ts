/**
 * Plotly is ≈1.4 MB: it is loaded on demand, once, and can be warmed up while the
 * browser is idle so the first plot of a lesson does not wait for it.
 */
export type PlotlyModule = typeof import('plotly.js-dist-min');

let loading: Promise<PlotlyModule> | undefined;

export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-dist-min').then(
    // Vite may hand the CommonJS bundle over as a default export.
    (module) => ('react' in module ? module : (module as { default: PlotlyModule }).default),
    (error: unknown) => {
      loading = undefined; // let a later plot retry (e.g. after coming back online)
      throw error;
    },
  );
  return loading;
}

/** Starts loading Plotly when the page is idle; never delays the first paint. */
export function preloadPlotly(): void {
  if (loading || typeof window === 'undefined') return;
  const start = () => void loadPlotly().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}

/** Plotly's defaults are small for a projector; these merge under the figure's own. */
export function withReadableDefaults(layout: unknown): Record<string, unknown> {
  const own =
    typeof layout === 'object' && layout !== null ? (layout as Record<string, unknown>) : {};
  const ownFont = typeof own.font === 'object' && own.font !== null ? own.font : {};
  return {
    autosize: true,
    margin: { t: 40, r: 20, b: 50, l: 60 },
    ...own,
    font: {
      family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      size: 15,
      ...ownFont,
    },
  };
}

export const PLOTLY_CONFIG = { displaylogo: false, responsive: true } as const;

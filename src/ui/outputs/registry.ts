/**
 * The renderer registry: for each MIME type, in order of preference (see choose.ts),
 * how to get the component that draws it. Light renderers are imported with the app;
 * heavy ones (Plotly) resolve through a promise and are cached once loaded, so later
 * outputs of the same type render without a loading step.
 */
import type { Component } from 'svelte';
import { MIME, type MimeBundle } from '../../protocol/messages';
import { chooseRenderer, RENDER_PREFERENCE, type RendererSpec } from './choose';
import { loadPlotly } from './plotly';
import HtmlOutput from './HtmlOutput.svelte';
import ImageOutput from './ImageOutput.svelte';
import MarkdownOutput from './MarkdownOutput.svelte';
import PlotlyOutput from './PlotlyOutput.svelte';
import TableOutput from './TableOutput.svelte';
import TensorOutput from './TensorOutput.svelte';
import TextOutput from './TextOutput.svelte';
import WidgetOutput from './WidgetOutput.svelte';

/** Every renderer gets the value for its MIME type, and the whole bundle (e.g. for alt text). */
export interface RendererProps {
  data: unknown;
  bundle: MimeBundle;
}

export type RendererComponent = Component<RendererProps>;

export interface Renderer extends RendererSpec {
  load: () => Promise<RendererComponent> | RendererComponent;
}

const LOADERS: Record<string, Renderer['load']> = {
  [MIME.widget]: () => WidgetOutput,
  // The component is tiny; the wait is for Plotly itself, so the renderer is ready only
  // once Plotly is, and the plot draws in one go.
  [MIME.plotly]: () => loadPlotly().then(() => PlotlyOutput),
  [MIME.table]: () => TableOutput,
  [MIME.tensor]: () => TensorOutput,
  [MIME.html]: () => HtmlOutput,
  [MIME.markdown]: () => MarkdownOutput,
  [MIME.png]: () => ImageOutput,
  [MIME.text]: () => TextOutput,
};

export const renderers: readonly Renderer[] = RENDER_PREFERENCE.map((spec) => {
  const load = LOADERS[spec.mime];
  if (!load) throw new Error(`No renderer registered for ${spec.mime}`);
  return { ...spec, load };
});

const resolved = new Map<Renderer, RendererComponent>();

/** The component, synchronously when it is already loaded. */
export function resolveRenderer(
  renderer: Renderer,
): RendererComponent | Promise<RendererComponent> {
  const cached = resolved.get(renderer);
  if (cached) return cached;
  const result = renderer.load();
  if (!(result instanceof Promise)) {
    resolved.set(renderer, result);
    return result;
  }
  return result.then((component) => {
    resolved.set(renderer, component);
    return component;
  });
}

export function findRenderer(bundle: MimeBundle): Renderer | undefined {
  return chooseRenderer(bundle, renderers);
}

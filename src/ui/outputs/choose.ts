/**
 * Which MIME type of a bundle to show: the first entry of a preference list (richest
 * first) that the bundle has and whose renderer accepts the value. Pure, so the order
 * is tested without loading any component.
 */
import { MIME, type MimeBundle } from '../../protocol/messages';
import { isInputWidget, isProgressWidget } from '../../protocol/widgets';

export interface RendererSpec {
  mime: string;
  /** Narrower than the MIME type: e.g. only the widget kinds the UI knows how to draw. */
  accepts?: (data: unknown) => boolean;
}

const isString = (data: unknown): boolean => typeof data === 'string';
const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);
const hasArray = (key: string) => (data: unknown) => isRecord(data) && Array.isArray(data[key]);

/** Richest first, as Jupyter does: our own types, then HTML, Markdown, images, text. */
export const RENDER_PREFERENCE: readonly RendererSpec[] = [
  { mime: MIME.widget, accepts: (data) => isProgressWidget(data) || isInputWidget(data) },
  { mime: MIME.plotly, accepts: hasArray('data') },
  { mime: MIME.table, accepts: hasArray('data') },
  { mime: MIME.tensor, accepts: hasArray('shape') },
  { mime: MIME.html, accepts: isString },
  { mime: MIME.markdown, accepts: isString },
  { mime: MIME.png, accepts: isString },
  { mime: MIME.text, accepts: (data) => data !== undefined && data !== null },
];

export function chooseRenderer<T extends RendererSpec>(
  bundle: MimeBundle,
  renderers: readonly T[],
): T | undefined {
  return renderers.find(
    (renderer) =>
      Object.hasOwn(bundle, renderer.mime) &&
      (renderer.accepts === undefined || renderer.accepts(bundle[renderer.mime])),
  );
}

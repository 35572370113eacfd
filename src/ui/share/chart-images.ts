/**
 * Charts as pictures for an `.ipynb` export. GitHub and most notebook viewers never run
 * Plotly's JSON, so each Plotly output also gets an `image/png`, drawn by Plotly.toImage in
 * this page when the learner exports. A chart that cannot be drawn keeps its JSON and gains
 * a `text/plain` line saying why, so the file never silently shows nothing.
 */
import type { CellOutput } from '../../notebook/outputs';
import { MIME, type MimeBundle } from '../../protocol/messages';

/** Plotly.toImage's figure form: drawn off-screen, returned as a data: URL. */
export type ToImage = (
  figure: { data: unknown[]; layout: Record<string, unknown> },
  options: { format: 'png'; width: number; height: number },
) => Promise<string>;

/** A readable size for a chart shown on its own (Plotly's own default is 700×450). */
const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 450;
const PNG_DATA_URL = /^data:image\/png;base64,/;

export interface ChartImages {
  outputs: Record<string, CellOutput[]>;
  /** Charts drawn as a PNG, and charts that kept only their JSON. */
  drawn: number;
  failed: number;
}

export async function withChartImages(
  outputs: Record<string, CellOutput[]>,
  toImage: ToImage,
): Promise<ChartImages> {
  let drawn = 0;
  let failed = 0;
  const withImage = async (output: CellOutput): Promise<CellOutput> => {
    if (output.type !== 'display' && output.type !== 'result') return output;
    const figure = output.data[MIME.plotly];
    if (figure === undefined || output.data[MIME.png] !== undefined) return output;
    try {
      const png = await drawPng(figure, toImage);
      drawn++;
      return { ...output, data: { ...output.data, [MIME.png]: png } };
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      const data: MimeBundle = {
        ...output.data,
        [MIME.text]: `A Plotly chart, kept as JSON only: it could not be drawn as an image (${reason}).`,
      };
      return { ...output, data };
    }
  };
  const entries = await Promise.all(
    Object.entries(outputs).map(
      async ([id, list]) => [id, await Promise.all(list.map(withImage))] as const,
    ),
  );
  return { outputs: Object.fromEntries(entries), drawn, failed };
}

/** The figure as base64 PNG (no data: prefix, as Jupyter stores images). */
async function drawPng(figure: unknown, toImage: ToImage): Promise<string> {
  const own =
    typeof figure === 'object' && figure !== null ? (figure as Record<string, unknown>) : {};
  if (!Array.isArray(own.data)) throw new Error('the figure has no list of traces');
  const layout =
    typeof own.layout === 'object' && own.layout !== null
      ? (own.layout as Record<string, unknown>)
      : {};
  const size = (value: unknown, fallback: number) =>
    typeof value === 'number' && value > 0 ? value : fallback;
  const url = await toImage(
    { data: own.data, layout },
    {
      format: 'png',
      width: size(layout.width, DEFAULT_WIDTH),
      height: size(layout.height, DEFAULT_HEIGHT),
    },
  );
  if (!PNG_DATA_URL.test(url)) throw new Error('Plotly gave no PNG');
  return url.replace(PNG_DATA_URL, '');
}

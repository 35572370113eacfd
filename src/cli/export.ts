/**
 * `playgrad export <nb.md> --to ipynb`: writes a Jupyter notebook next to the lesson.
 * With --run the notebook is run first, so the file carries its outputs as MIME bundles
 * (GitHub and Jupyter then show the charts and tables).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { toIpynb } from '../notebook/ipynb';
import type { CellOutput } from '../notebook/outputs';
import { parse } from '../notebook/parse';
import type { NotebookReport } from '../ui/headless/report';

export async function exportNotebook(
  file: string,
  out: string,
  report: NotebookReport | undefined,
): Promise<void> {
  const notebook = parse(await readFile(file, 'utf8'));
  const outputs: Record<string, CellOutput[]> = {};
  for (const cell of report?.cells ?? []) {
    const cellOutputs: CellOutput[] = cell.outputs.map((data) => ({ type: 'display', data }));
    if (cell.error) cellOutputs.push({ type: 'error', ...cell.error });
    outputs[cell.id] = cellOutputs;
  }
  const json = toIpynb(notebook, report ? outputs : undefined);
  await writeFile(out, JSON.stringify(json, null, 1) + '\n');
}

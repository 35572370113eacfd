/**
 * Timings printed by the bench notebooks (one JSON line per task) and the table made of them.
 */

/** What a bench cell prints: `{ bench, ms: [...], flops?, captured? }`. */
export interface Timing {
  task: string;
  /** Where it ran: 'wasm', 'cpu', … in Chromium, or 'node-wasm' for the reference. */
  backend: string;
  ms: number[];
  flops?: number;
  note?: string;
}

/** Finds the timing lines in a notebook's printed text. */
export function timingsIn(text: string, backend: string): Timing[] {
  const timings: Timing[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{"bench"')) continue;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) continue;
    const task: unknown = Reflect.get(parsed, 'bench');
    const ms: unknown = Reflect.get(parsed, 'ms');
    if (typeof task !== 'string' || !Array.isArray(ms)) continue;
    const flops: unknown = Reflect.get(parsed, 'flops');
    const captured: unknown = Reflect.get(parsed, 'captured');
    timings.push({
      task,
      backend,
      ms: ms.filter((value): value is number => typeof value === 'number'),
      ...(typeof flops === 'number' ? { flops } : {}),
      ...(typeof captured === 'number'
        ? { note: `captured ${(captured * 100).toFixed(1)}% of variance` }
        : {}),
    });
  }
  return timings;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A Markdown table: task, backend, median ms, reference ms, ratio (and GFLOP/s if known). */
export function table(timings: readonly Timing[], reference: string): string {
  const header = '| task | backend | median ms | reference ms | ratio | notes |';
  const lines = [header, '|---|---|---:|---:|---:|---|'];
  const tasks = [...new Set(timings.map((t) => t.task))];
  for (const task of tasks) {
    const ref = timings.find((t) => t.task === task && t.backend === reference);
    const refMs = ref && ref.ms.length ? median(ref.ms) : undefined;
    for (const timing of timings.filter((t) => t.task === task)) {
      if (!timing.ms.length) {
        lines.push(`| ${task} | ${timing.backend} | — | — | — | ${timing.note ?? ''} |`);
        continue;
      }
      const ms = median(timing.ms);
      const notes = [
        timing.flops ? `${(timing.flops / ms / 1e6).toFixed(1)} GFLOP/s` : '',
        `n=${timing.ms.length}`,
        timing.note ?? '',
      ].filter(Boolean);
      const refText = refMs === undefined ? '—' : refMs.toFixed(1);
      const ratio = refMs === undefined ? '—' : `${(ms / refMs).toFixed(2)}×`;
      lines.push(
        `| ${task} | ${timing.backend} | ${ms.toFixed(1)} | ${refText} | ${ratio} | ${notes.join('; ')} |`,
      );
    }
  }
  return lines.join('\n');
}

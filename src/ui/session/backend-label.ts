/** How the kernel bar names the backend: short on the badge, everything in the tooltip. */
import type { Backend, BackendChoice } from '../../protocol/messages';

const NAMES: Record<Backend, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

const REASONS: Record<BackendChoice['reason'], string> = {
  measured: 'the fastest one measured on this device',
  requested: 'requested (URL or settings)',
  cached: 'the fastest one measured earlier on this device',
};

export function backendName(backend: Backend): string {
  return NAMES[backend];
}

function gflopsText(gflops: number): string {
  return `${gflops >= 10 ? Math.round(gflops) : gflops.toFixed(1)} GFLOP/s`;
}

/** "WASM (4 threads)" when tfjs' WASM runs multi-threaded, else the backend's name. */
function nameWithThreads(choice: BackendChoice): string {
  const name = backendName(choice.backend);
  const count = choice.threadCount;
  return choice.backend === 'wasm' && choice.threads && count !== undefined && count > 1
    ? `${name} (${count} threads)`
    : name;
}

/** "WASM · 39 GFLOP/s", "WASM (2 threads) · 60 GFLOP/s", or just "WASM" when not measured. */
export function backendBadge(choice: BackendChoice): string {
  const trial = choice.trials.find((t) => t.backend === choice.backend && t.ok);
  const name = nameWithThreads(choice);
  return trial?.gflops === undefined ? name : `${name} · ${gflopsText(trial.gflops)}`;
}

/** A measurement's day in the reader's locale, e.g. "Mar 3, 2026". */
export function measurementDate(measuredAt: number, locale?: string): string {
  return new Date(measuredAt).toLocaleDateString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/**
 * Every trial and why this backend runs, one line each. `measuredAt` dates a cached
 * choice: its other trials are as old as that measurement.
 */
export function backendDetails(choice: BackendChoice, measuredAt?: number): string {
  const reason =
    choice.reason === 'cached' && measuredAt !== undefined
      ? `chosen from a measurement on ${measurementDate(measuredAt)}`
      : REASONS[choice.reason];
  const lines = [`Running on ${backendName(choice.backend)}: ${reason}.`];
  if (choice.backend === 'wasm') {
    lines.push(
      choice.threads
        ? `WASM runs multi-threaded (${choice.threadCount ?? 'several'} threads; the page is cross-origin isolated).`
        : 'WASM runs on one thread.',
    );
  }
  for (const trial of choice.trials) {
    const result = trial.ok
      ? trial.gflops === undefined
        ? 'works'
        : gflopsText(trial.gflops)
      : `unavailable (${trial.error ?? 'failed to start'})`;
    lines.push(`${backendName(trial.backend)}: ${result}`);
  }
  return lines.join('\n');
}

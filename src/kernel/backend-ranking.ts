/**
 * Pure decisions over backend trials (no tfjs here, so they are unit-tested in Node).
 */
import type { Backend, BackendTrial } from '../protocol/messages';

/** Once WASM does this many GFLOP/s, the plain-JS CPU backend is not worth measuring. */
export const CPU_NOT_WORTH_IT_GFLOPS = 1;

/** The measured backend with the highest GFLOP/s; CPU always works as a last resort. */
export function fastest(trials: readonly BackendTrial[]): Backend {
  let best: BackendTrial | undefined;
  for (const trial of trials) {
    if (!trial.ok || trial.gflops === undefined) continue;
    if (!best || (best.gflops ?? 0) < trial.gflops) best = trial;
  }
  return best?.backend ?? 'cpu';
}

/** Why `backend` need not be measured given the trials so far, or undefined to measure it. */
export function reasonToSkip(
  backend: Backend,
  trials: readonly BackendTrial[],
): string | undefined {
  if (backend !== 'cpu') return undefined;
  const wasm = trials.find((trial) => trial.backend === 'wasm');
  if (wasm?.gflops !== undefined && wasm.gflops > CPU_NOT_WORTH_IT_GFLOPS) {
    return `not measured: wasm is faster (${wasm.gflops.toFixed(1)} GFLOP/s)`;
  }
  return undefined;
}

/**
 * The learner's Stop as an `AbortSignal`, for code that takes one (fetch, a provider). The
 * kernel sets a flag when Stop is pressed (context.ts) rather than sending an event, so the
 * flag is polled: every 50 ms is prompt to a person and costs nothing while a request waits.
 */
import { kernelContext } from '../context';

const POLL_MS = 50;

export interface InterruptSignal {
  signal: AbortSignal;
  /** Stops polling; call when the work is over. */
  release(): void;
}

export function interruptSignal(): InterruptSignal {
  const context = kernelContext();
  const controller = new AbortController();
  const check = () => {
    if (context.interrupted()) {
      controller.abort();
      clearInterval(timer);
    }
  };
  const timer = setInterval(check, POLL_MS);
  check();
  return { signal: controller.signal, release: () => clearInterval(timer) };
}

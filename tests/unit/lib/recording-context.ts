/** A kernel context that records what the helpers send, for tests in Node. */
import { cellId, type KernelMessage } from '../../../src/protocol/messages';
import { setKernelContext } from '../../../src/lib/context';

export interface Recording {
  sent: KernelMessage[];
  /** Set to true to simulate the learner pressing Stop. */
  stop: { pressed: boolean };
  /** Changes the cell the context reports as running. */
  runCell(id: string): void;
}

export function recordKernel(): Recording {
  const sent: KernelMessage[] = [];
  const stop = { pressed: false };
  let current = cellId('c1');
  setKernelContext({
    emit: (message) => sent.push(message),
    cellId: () => current,
    interrupted: () => stop.pressed,
    baseUrl: 'http://x/',
  });
  return { sent, stop, runCell: (id) => (current = cellId(id)) };
}

export function ofType<T extends KernelMessage['type']>(
  sent: readonly KernelMessage[],
  type: T,
): Extract<KernelMessage, { type: T }>[] {
  return sent.filter((m): m is Extract<KernelMessage, { type: T }> => m.type === type);
}

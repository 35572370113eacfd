import { describe, expect, test } from 'vitest';
import {
  MIME,
  assertNever,
  cellId,
  type KernelMessage,
  type KernelRequest,
} from '../../../src/protocol/messages';

/** One example of every message kind, as the worker and the UI send them. */
const messages: KernelMessage[] = [
  { type: 'status', state: 'idle' },
  { type: 'stream', cellId: cellId('a'), name: 'stdout', text: 'hi\n' },
  { type: 'display', cellId: cellId('a'), displayId: 'd1', data: { [MIME.text]: 'x' } },
  { type: 'update-display', cellId: cellId('a'), displayId: 'd1', data: { [MIME.text]: 'y' } },
  { type: 'result', cellId: cellId('a'), data: { [MIME.text]: '3' } },
  { type: 'error', cellId: cellId('a'), ename: 'Error', message: 'boom', line: 3 },
  { type: 'progress', cellId: cellId('a'), displayId: 'p1', label: 'x', value: 1, max: 2 },
  { type: 'done', id: 1, cellId: cellId('a'), ok: true, ms: 2, defines: ['x'], uses: [] },
  { type: 'pong', id: 1 },
  { type: 'closed' },
];

const requests: KernelRequest[] = [
  { type: 'init', baseUrl: 'http://localhost/', backend: 'auto' },
  { type: 'execute', id: 1, cellId: cellId('a'), code: '1 + 1' },
  { type: 'interrupt' },
  { type: 'restart' },
  { type: 'input', name: 'lr', value: 0.1 },
  { type: 'ping', id: 1 },
];

/** An exhaustive switch, as every consumer of the protocol writes it. */
function describeMessage(message: KernelMessage): string {
  switch (message.type) {
    case 'status':
    case 'stream':
    case 'display':
    case 'update-display':
    case 'result':
    case 'error':
    case 'progress':
    case 'done':
    case 'pong':
    case 'closed':
      return message.type;
    default:
      return assertNever(message);
  }
}

describe('kernel protocol', () => {
  test('every message and request survives structured cloning (postMessage) unchanged', () => {
    for (const message of [...messages, ...requests]) {
      expect(structuredClone(message)).toEqual(message);
    }
  });

  test('an exhaustive switch covers every message kind', () => {
    expect(messages.map(describeMessage)).toEqual(messages.map((m) => m.type));
  });

  test('assertNever names the unexpected message', () => {
    expect(() => assertNever({ type: 'mystery' } as never)).toThrow(/mystery/);
  });

  test('MIME types are the ones Jupyter and Plotly use', () => {
    expect(MIME.plotly).toBe('application/vnd.plotly.v1+json');
    expect(MIME.table).toBe('application/vnd.dataresource+json');
    expect(MIME.png).toBe('image/png');
  });
});

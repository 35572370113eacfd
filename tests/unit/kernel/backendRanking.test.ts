import { describe, expect, test } from 'vitest';
import { fastest, reasonToSkip } from '../../../src/kernel/backend-ranking';
import type { BackendTrial } from '../../../src/protocol/messages';

describe('fastest', () => {
  test('picks the highest GFLOP/s among backends that started', () => {
    const trials: BackendTrial[] = [
      { backend: 'webgpu', ok: false, error: 'no adapter' },
      { backend: 'webgl', ok: true, gflops: 2.5 },
      { backend: 'wasm', ok: true, gflops: 40 },
      { backend: 'cpu', ok: true, gflops: 1 },
    ];
    expect(fastest(trials)).toBe('wasm');
  });

  test('falls back to cpu when nothing was measured', () => {
    expect(fastest([{ backend: 'webgl', ok: false, error: 'lost context' }])).toBe('cpu');
    expect(fastest([])).toBe('cpu');
  });
});

describe('reasonToSkip', () => {
  test('cpu is not measured once wasm is clearly faster', () => {
    const reason = reasonToSkip('cpu', [{ backend: 'wasm', ok: true, gflops: 12.34 }]);
    expect(reason).toBe('not measured: wasm is faster (12.3 GFLOP/s)');
  });

  test('cpu is measured when wasm failed or is slow; other backends always are', () => {
    expect(reasonToSkip('cpu', [{ backend: 'wasm', ok: false, error: 'x' }])).toBeUndefined();
    expect(reasonToSkip('cpu', [{ backend: 'wasm', ok: true, gflops: 0.5 }])).toBeUndefined();
    expect(reasonToSkip('webgl', [{ backend: 'wasm', ok: true, gflops: 50 }])).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import type { BackendChoice } from '../../../src/protocol/messages';
import {
  backendBadge,
  backendDetails,
  measurementDate,
} from '../../../src/ui/session/backend-label';

const choice: BackendChoice = {
  backend: 'wasm',
  reason: 'measured',
  threads: false,
  trials: [
    { backend: 'webgpu', ok: false, error: 'no adapter' },
    { backend: 'webgl', ok: true, gflops: 4.25 },
    { backend: 'wasm', ok: true, gflops: 39.4 },
  ],
};

describe('backendBadge', () => {
  test('names the backend and its measured speed', () => {
    expect(backendBadge(choice)).toBe('WASM · 39 GFLOP/s');
    expect(backendBadge({ ...choice, backend: 'webgl' })).toBe('WebGL · 4.3 GFLOP/s');
  });

  test('says how many threads WASM runs on when it is multi-threaded', () => {
    const threaded: BackendChoice = { ...choice, threads: true, threadCount: 4 };
    expect(backendBadge(threaded)).toBe('WASM (4 threads) · 39 GFLOP/s');
    expect(backendDetails(threaded).split('\n')[1]).toBe(
      'WASM runs multi-threaded (4 threads; the page is cross-origin isolated).',
    );
    // Threads describe WASM only.
    expect(backendBadge({ ...threaded, backend: 'webgl' })).toBe('WebGL · 4.3 GFLOP/s');
  });

  test('names the backend alone when it was not measured', () => {
    expect(backendBadge({ ...choice, backend: 'cpu', reason: 'requested', trials: [] })).toBe(
      'CPU',
    );
  });
});

describe('backendDetails', () => {
  test('lists why and every trial', () => {
    expect(backendDetails(choice).split('\n')).toEqual([
      'Running on WASM: the fastest one measured on this device.',
      'WASM runs on one thread.',
      'WebGPU: unavailable (no adapter)',
      'WebGL: 4.3 GFLOP/s',
      'WASM: 39 GFLOP/s',
    ]);
  });
});

describe('backendDetails of a cached choice', () => {
  const measuredAt = Date.UTC(2026, 2, 3, 12);

  test('dates the measurement it was chosen from', () => {
    const cached: BackendChoice = { ...choice, reason: 'cached' };
    const lines = backendDetails(cached, measuredAt).split('\n');
    expect(lines[0]).toBe(
      `Running on WASM: chosen from a measurement on ${measurementDate(measuredAt)}.`,
    );
    expect(lines.slice(1)).toEqual(backendDetails(choice).split('\n').slice(1));
  });

  test('measurementDate names the day in the given locale', () => {
    expect(measurementDate(measuredAt, 'en-US')).toBe('Mar 3, 2026');
    expect(measurementDate(measuredAt, 'en-GB')).toBe('3 Mar 2026');
  });

  test('a date is only shown for a cached choice', () => {
    expect(backendDetails(choice, measuredAt).split('\n')[0]).toBe(
      'Running on WASM: the fastest one measured on this device.',
    );
  });
});

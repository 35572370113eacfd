import { describe, expect, test } from 'vitest';
import type {
  Backend,
  BackendChoice,
  BackendTrial,
  InitRequest,
  KernelRequest,
} from '../../../src/protocol/messages';
import { BACKEND_CACHE_KEY, writeCachedBackend } from '../../../src/ui/session/backend-cache';
import { backendMemory } from '../../../src/ui/session/backend-memory';
import { SessionEngine } from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle, type FakeWorker } from './fake-worker';
import { MemoryStorage } from './memory-storage';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0';
const MEASURED_AT = Date.UTC(2026, 2, 1);
const NOW = Date.UTC(2026, 2, 3);

/** This device: what each backend does when the kernel starts it (undefined: fails). */
type Device = Partial<Record<Backend, number>>;

function trial(backend: Backend, device: Device): BackendTrial {
  const gflops = device[backend];
  return gflops === undefined
    ? { backend, ok: false, error: 'failed' }
    : { backend, ok: true, gflops };
}

/** Answers `init` the way chooseBackend does: a named backend if it starts, else measure all. */
function answerInit(worker: FakeWorker, device: Device): void {
  const init = worker.received.find((r: KernelRequest): r is InitRequest => r.type === 'init');
  if (!init) throw new Error('no init request');
  const all: Backend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
  let choice: BackendChoice;
  if (init.backend !== 'auto' && device[init.backend] !== undefined) {
    choice = {
      backend: init.backend,
      reason: 'requested',
      threads: false,
      trials: [trial(init.backend, device)],
    };
  } else {
    const trials = all.map((backend) => trial(backend, device));
    const best = trials.reduce((a, b) => ((b.gflops ?? 0) > (a.gflops ?? 0) ? b : a));
    choice = { backend: best.backend, reason: 'measured', threads: false, trials };
  }
  worker.start(choice);
}

function setUp(options: { backend?: Backend | 'auto'; storage?: MemoryStorage } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const { factory, workers } = fakeWorkers((w) => {
    w.autoStart = false;
  });
  const session = new SessionEngine({
    baseUrl: 'http://site/',
    backend: options.backend,
    workerFactory: factory,
    backendMemory: backendMemory(storage, UA, () => NOW),
  });
  const initOf = (worker: FakeWorker): Backend | 'auto' | undefined =>
    worker.received.find((r): r is InitRequest => r.type === 'init')?.backend;
  return { session, storage, workers, initOf, latest: () => workers[workers.length - 1] };
}

function stored(storage: MemoryStorage): unknown {
  return JSON.parse(storage.items.get(BACKEND_CACHE_KEY) ?? 'null');
}

/** A cache holding an earlier measurement on this device: WASM won, WebGL was slow. */
function cacheWithWasm(): MemoryStorage {
  const storage = new MemoryStorage();
  const earlier: BackendChoice = {
    backend: 'wasm',
    reason: 'measured',
    threads: false,
    trials: [
      { backend: 'webgpu', ok: false, error: 'no adapter' },
      { backend: 'webgl', ok: true, gflops: 4 },
      { backend: 'wasm', ok: true, gflops: 30 },
    ],
  };
  writeCachedBackend(storage, earlier, UA, MEASURED_AT);
  return storage;
}

const GPU_LESS: Device = { webgl: 4, wasm: 39, cpu: 0.5 };

describe('SessionEngine with a backend memory', () => {
  test('with nothing cached, the kernel measures and the measurement is stored', () => {
    const { session, storage, latest, initOf } = setUp();
    expect(initOf(latest())).toBe('auto');
    answerInit(latest(), GPU_LESS);
    expect(session.backend).toMatchObject({ backend: 'wasm', reason: 'measured' });
    expect(session.backendMeasuredAt).toBeUndefined();
    expect(stored(storage)).toEqual({
      backend: 'wasm',
      trials: session.backend?.trials,
      userAgent: UA,
      measuredAt: NOW,
      version: 1,
    });
  });

  test('with a valid cache, the kernel starts the cached backend and the session says cached', () => {
    const storage = cacheWithWasm();
    const before = storage.items.get(BACKEND_CACHE_KEY);
    const { session, latest, initOf } = setUp({ storage });
    expect(initOf(latest())).toBe('wasm');
    answerInit(latest(), GPU_LESS);
    expect(session.backend).toEqual({
      backend: 'wasm',
      reason: 'cached',
      threads: false,
      trials: [
        { backend: 'webgpu', ok: false, error: 'no adapter' },
        { backend: 'webgl', ok: true, gflops: 4 },
        { backend: 'wasm', ok: true, gflops: 39 }, // the fresh trial replaces the cached 30
      ],
    });
    expect(session.backendMeasuredAt).toBe(MEASURED_AT);
    expect(session.kernelState).toBe('idle');
    expect(storage.items.get(BACKEND_CACHE_KEY)).toBe(before);
  });

  test('when the cached backend no longer starts, the new measurement replaces the cache', () => {
    const storage = cacheWithWasm();
    const { session, latest, initOf } = setUp({ storage });
    expect(initOf(latest())).toBe('wasm');
    answerInit(latest(), { webgl: 12, cpu: 0.5 }); // WASM now fails
    expect(session.backend).toMatchObject({ backend: 'webgl', reason: 'measured' });
    expect(session.backendMeasuredAt).toBeUndefined();
    expect(stored(storage)).toMatchObject({ backend: 'webgl', measuredAt: NOW });
  });

  test('a backend named in the URL wins over the cache, which stays as it was', () => {
    const storage = cacheWithWasm();
    const before = storage.items.get(BACKEND_CACHE_KEY);
    const { session, latest, initOf } = setUp({ storage, backend: 'webgl' });
    expect(initOf(latest())).toBe('webgl');
    answerInit(latest(), GPU_LESS);
    expect(session.backend).toMatchObject({ backend: 'webgl', reason: 'requested' });
    expect(storage.items.get(BACKEND_CACHE_KEY)).toBe(before);
  });

  test('a restart reuses the measurement of the first start', async () => {
    const { session, latest, initOf, workers } = setUp();
    answerInit(latest(), GPU_LESS);
    await session.restart();
    expect(workers).toHaveLength(2);
    expect(initOf(latest())).toBe('wasm');
    answerInit(latest(), GPU_LESS);
    expect(session.backend?.reason).toBe('cached');
    expect(session.backendMeasuredAt).toBe(NOW);
  });

  test('measureBackendsAgain clears the cache and restarts measuring, even after a URL pin', async () => {
    const storage = cacheWithWasm();
    const { session, latest, initOf, workers } = setUp({ storage, backend: 'wasm' });
    answerInit(latest(), GPU_LESS);
    await session.measureBackendsAgain();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(storage.items.has(BACKEND_CACHE_KEY)).toBe(false);
    expect(session.backend).toBeUndefined();
    expect(session.kernelState).toBe('restarting');
    expect(initOf(latest())).toBe('auto');
    answerInit(latest(), { webgpu: 80, wasm: 39 });
    expect(session.kernelState).toBe('idle');
    expect(session.backend).toMatchObject({ backend: 'webgpu', reason: 'measured' });
    expect(stored(storage)).toMatchObject({ backend: 'webgpu', measuredAt: NOW });
  });

  test('a storage that throws only means measuring every time', async () => {
    const storage = cacheWithWasm();
    storage.failWith = new Error('SecurityError');
    const { session, latest, initOf } = setUp({ storage });
    expect(initOf(latest())).toBe('auto');
    answerInit(latest(), GPU_LESS);
    expect(session.backend).toMatchObject({ backend: 'wasm', reason: 'measured' });
    await expect(session.run('a', '1')).resolves.toBe(true);
    await settle();
  });

  test('without a backend memory every start measures', async () => {
    const { factory, workers } = fakeWorkers();
    const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
    await settle();
    await session.restart();
    expect(workers.map((w) => (w.received[0] as InitRequest).backend)).toEqual(['auto', 'auto']);
  });
});

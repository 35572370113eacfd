import { afterEach, describe, expect, test, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, createAutosaver } from '../../../src/storage/autosave';

afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosaver', () => {
  test('saves the last value once typing pauses', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = createAutosaver(
      async (key, value) => void saved.push(`${key}=${value}`),
      () => {
        throw new Error('unexpected');
      },
    );
    saver.schedule('a', 'l');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    saver.schedule('a', 'le');
    saver.schedule('b', 'x');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['a=le', 'b=x']);
    expect(saver.pending).toBe(0);
  });

  test('flush writes pending values at once; cancel drops one', async () => {
    const saved: string[] = [];
    const saver = createAutosaver(
      async (key, value) => void saved.push(`${key}=${value}`),
      () => {
        throw new Error('unexpected');
      },
    );
    saver.schedule('a', '1');
    saver.schedule('b', '2');
    saver.cancel('b');
    await saver.flush();
    expect(saved).toEqual(['a=1']);
  });

  test('a failed save goes to onError and does not stop the others', async () => {
    const errors: unknown[] = [];
    const saved: string[] = [];
    const saver = createAutosaver(
      async (key) => {
        if (key === 'bad') throw new Error('full');
        saved.push(key);
      },
      (error) => errors.push(error),
    );
    saver.schedule('bad', 'x');
    saver.schedule('good', 'y');
    await saver.flush();
    expect(saved).toEqual(['good']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'full' });
  });

  test('a failed save stays pending and is saved with the next edit once space is back', async () => {
    vi.useFakeTimers();
    let full = true;
    const saved: string[] = [];
    const errors: unknown[] = [];
    let allSaved = 0;
    const saver = createAutosaver(
      async (key, value) => {
        if (full) throw new Error('full');
        saved.push(`${key}=${value}`);
      },
      { onError: (error) => errors.push(error), onAllSaved: () => (allSaved += 1) },
    );
    saver.schedule('a', 'mine');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(errors).toHaveLength(1);
    expect(saver.pending).toBe(1);
    expect(allSaved).toBe(0);

    // Nothing retries on its own (no loop against a full disk)…
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 10);
    expect(errors).toHaveLength(1);

    // …the next edit (of any cell) takes the failed one along.
    full = false;
    saver.schedule('b', 'other');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(saved.sort()).toEqual(['a=mine', 'b=other']);
    expect(saver.pending).toBe(0);
    expect(allSaved).toBe(1);
  });

  test('a value typed while its failed save was in flight wins over the failed one', async () => {
    let release: () => void = () => undefined;
    const saved: string[] = [];
    let calls = 0;
    const saver = createAutosaver(
      (key, value) => {
        calls += 1;
        if (calls === 1) {
          return new Promise<void>((_, reject) => {
            release = () => reject(new Error('full'));
          });
        }
        saved.push(`${key}=${value}`);
        return Promise.resolve();
      },
      () => undefined,
    );
    saver.schedule('a', 'old');
    const first = saver.flush();
    saver.schedule('a', 'new');
    release();
    await first;
    await saver.flush();
    expect(saved).toEqual(['a=new']);
  });
});

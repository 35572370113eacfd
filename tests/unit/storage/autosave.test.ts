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
});

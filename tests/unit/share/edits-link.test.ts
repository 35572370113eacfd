import { describe, expect, test } from 'vitest';
import {
  decodeEdits,
  EditsLinkError,
  encodeEdits,
  linkTooLong,
  MAX_LINK_CHARS,
} from '../../../src/notebook/edits-link';

describe('encodeEdits / decodeEdits', () => {
  test('round-trips the changed cells exactly', async () => {
    const changes = {
      model: 'const w = tf.scalar(0.5);\n// try the median',
      train: '',
      'cell-3': '  indented\n\ttabs\r\nand CRLF\n',
    };
    const encoded = await encodeEdits(changes);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeEdits(encoded)).toEqual(changes);
  });

  test('keeps unicode: accents, CJK, emoji, math', async () => {
    const changes = { note: 'const café = "naïve 数据 🚀 ∑ₖ x²";' };
    expect(await decodeEdits(await encodeEdits(changes))).toEqual(changes);
  });

  test('compresses repetitive code well below its length', async () => {
    const code = 'const loss = tf.losses.meanSquaredError(y, predict(x));\n'.repeat(40);
    const encoded = await encodeEdits({ train: code });
    expect(encoded.length).toBeLessThan(code.length / 5);
  });

  test('the size guard flags links over the limit, and random code gets there', async () => {
    expect(linkTooLong('x'.repeat(MAX_LINK_CHARS))).toBe(false);
    expect(linkTooLong('x'.repeat(MAX_LINK_CHARS + 1))).toBe(true);
    // Incompressible text: about 4/3 of its bytes after base64.
    let noise = '';
    let state = 12345;
    for (let i = 0; i < 9000; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      noise += String.fromCharCode(33 + (state % 90));
    }
    const encoded = await encodeEdits({ big: noise });
    expect(linkTooLong(`https://example.org/#/lesson/a?edits=${encoded}`)).toBe(true);
  });

  test('garbage gives a clear EditsLinkError, never a crash', async () => {
    await expect(decodeEdits('not base64!')).rejects.toThrow(/damaged/);
    await expect(decodeEdits('AAAA')).rejects.toBeInstanceOf(EditsLinkError);
    await expect(decodeEdits('AAAA')).rejects.toThrow(/could not be unpacked/);
    const encoded = await encodeEdits({ model: 'x'.repeat(200) });
    await expect(decodeEdits(encoded.slice(0, encoded.length - 6))).rejects.toBeInstanceOf(
      EditsLinkError,
    );
  });

  test('well-packed data that is not our format is refused by name', async () => {
    const pack = async (value: unknown) => {
      const stream = new Blob([JSON.stringify(value)])
        .stream()
        .pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      return btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    };
    await expect(decodeEdits(await pack({ hello: 1 }))).rejects.toThrow(/not in the format/);
    await expect(decodeEdits(await pack({ v: 2, cells: {} }))).rejects.toThrow(/format 2/);
    await expect(decodeEdits(await pack({ v: 1, cells: { a: 3 } }))).rejects.toThrow(
      /cell "a".*not code/,
    );
  });

  test('a link that inflates to megabytes is refused', async () => {
    const bomb = await encodeEdits({ a: ' '.repeat(3_000_000) });
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    await expect(decodeEdits(bomb)).rejects.toThrow(/far more than a lesson/);
  });
});

import { describe, expect, test } from 'vitest';
import { nonTextKind } from '../../../src/lib/text/text-file';

describe('nonTextKind', () => {
  test('text of any kind is text', () => {
    for (const name of ['a.txt', 'a.md', 'a.csv', 'a.json', 'README', 'logo.svg']) {
      expect(nonTextKind(name, 'x,y\n1,2\n'), name).toBeUndefined();
    }
    expect(nonTextKind('a.csv', 'x', 'application/vnd.ms-excel')).toBeUndefined();
    expect(nonTextKind('résumé.txt', 'Ünïcödé ✓ text')).toBeUndefined();
  });

  test('by name or by the browser’s image, audio and video types', () => {
    expect(nonTextKind('Photo.JPG', '')).toBe('an image');
    expect(nonTextKind('scan', '', 'image/png')).toBe('an image');
    expect(nonTextKind('talk.mp3', '')).toBe('an audio file');
    expect(nonTextKind('clip', '', 'video/mp4')).toBe('a video');
    expect(nonTextKind('data.zip', '')).toBe('an archive');
    expect(nonTextKind('report.docx', '')).toBe('an office document');
  });

  test('by content: a NUL in the first bytes, as text or as bytes', () => {
    expect(nonTextKind('notes.txt', 'abc\u0000def')).toBe('a binary file');
    expect(nonTextKind('blob', new Uint8Array([1, 2, 0, 3]))).toBe('a binary file');
    expect(nonTextKind('late.txt', `${'a'.repeat(10_000)}\u0000`)).toBeUndefined();
  });
});

// scripts/datasets/r-lazy-load.mjs: a lazy-load block in each of the compressions R writes.
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { decompressBlock } from '../../../scripts/datasets/r-lazy-load.mjs';

const payload = Buffer.from('X\n'.repeat(500) + 'a data frame, serialized');

/** R's block header: the inflated length as 4 big-endian bytes. */
function lengthHeader(length: number) {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(length);
  return header;
}

describe('decompressBlock', () => {
  it('inflates a zlib block (R default, e.g. carData)', () => {
    const block = Buffer.concat([lengthHeader(payload.length), deflateSync(payload)]);
    expect(Buffer.from(decompressBlock(block)).equals(payload)).toBe(true);
  });

  it('decodes an xz block (type byte Z, raw LZMA2 at preset 9e, e.g. modeldata)', () => {
    const lzma = execFileSync('xz', ['--compress', '--stdout', '--format=raw', '--lzma2=preset=9e'], {
      input: payload,
    });
    const block = Buffer.concat([lengthHeader(payload.length), Buffer.from('Z'), lzma]);
    expect(Buffer.from(decompressBlock(block)).equals(payload)).toBe(true);
  });

  it('returns a stored block (type byte 0) as it is', () => {
    const block = Buffer.concat([lengthHeader(payload.length), Buffer.from('0'), payload]);
    expect(Buffer.from(decompressBlock(block)).equals(payload)).toBe(true);
  });

  it('names bzip2, which it does not read', () => {
    const block = Buffer.concat([lengthHeader(payload.length), Buffer.from('2'), payload]);
    expect(() => decompressBlock(block)).toThrow(/bzip2/);
  });
});

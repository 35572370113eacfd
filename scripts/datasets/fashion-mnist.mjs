// Fashion-MNIST: 12,000 training + 2,000 test images of clothes, 28×28, balanced classes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readIdx, seededRandom, stratifiedSample } from './image-files.mjs';

const DIR = 'usr/share/datasets/fashion-mnist';
const SEED = 20240602;
const CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

function readSplit(root, prefix) {
  const images = readIdx(gunzipSync(readFileSync(join(root, DIR, `${prefix}-images-idx3-ubyte.gz`))));
  const labels = readIdx(gunzipSync(readFileSync(join(root, DIR, `${prefix}-labels-idx1-ubyte.gz`))));
  const [count, height, width] = images.shape;
  if (height !== 28 || width !== 28 || labels.shape[0] !== count) {
    throw new Error(`fashion-mnist ${prefix}: unexpected shapes ${images.shape} / ${labels.shape}`);
  }
  return {
    image: (i) => images.data.slice(i * 784, (i + 1) * 784),
    labels: Array.from(labels.data),
  };
}

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'fashion-mnist',
  file: 'fashion-mnist.u8.gz',
  title: 'Fashion-MNIST (14,000 clothes images)',
  description:
    'Photos of clothes from Zalando\'s catalogue, 28×28 grey pixels, in 10 classes ' +
    '(T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot). ' +
    'A subset of the 70,000: 1,200 training images of each class picked at random from the ' +
    'official training set and 200 of each from the official test set. X has one row of 784 ' +
    'pixels per image, scaled to 0–1; imageShape is [28, 28, 1]; split.train lists the 12,000 ' +
    'training rows and split.test the 2,000 test rows. Harder than MNIST: shirts, T-shirts, ' +
    'pullovers and coats are easily confused.',
  origin: 'Xiao, Rasul and Vollgraf (2017), Zalando Research',
  debianPackage: 'dataset-fashion-mnist',
  sourceFile: `${DIR}/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`,
  license: 'MIT (Zalando SE)',
  task: 'classification',
  target: 'category',
  imageShape: [28, 28, 1],
  pixelMax: 255,
  expect: { rows: 14000, firstLabel: 9, firstPixelSum: 65241 },

  build(root) {
    const random = seededRandom(SEED);
    const train = readSplit(root, 'train');
    const test = readSplit(root, 't10k');
    const trainPicked = stratifiedSample(train.labels, 1200, random);
    const testPicked = stratifiedSample(test.labels, 200, random);
    return {
      images: [...trainPicked.map(train.image), ...testPicked.map(test.image)],
      labels: [...trainPicked.map((i) => train.labels[i]), ...testPicked.map((i) => test.labels[i])],
      targetNames: CLASSES,
      trainCount: trainPicked.length,
    };
  },
};

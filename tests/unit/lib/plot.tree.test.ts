import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { plot, toMimeBundle } from '../../../src/lib/index';
import type { TreeNode } from '../../../src/lib/plot-tree';

// The depth-2 tree scikit-learn fits on iris (DecisionTreeClassifier(max_depth=2, random_state=0)).
const IRIS_TREE: TreeNode = {
  feature: 2,
  threshold: 2.45,
  impurity: 0.667,
  samples: 150,
  value: [50, 50, 50],
  left: { impurity: 0, samples: 50, value: [50, 0, 0] },
  right: {
    feature: 3,
    threshold: 1.75,
    impurity: 0.5,
    samples: 100,
    value: [0, 50, 50],
    left: { impurity: 0.168, samples: 54, value: [0, 49, 5] },
    right: { impurity: 0.043, samples: 46, value: [0, 1, 45] },
  },
};

const OPTIONS = {
  featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
  classNames: ['setosa', 'versicolor', 'virginica'],
};

type Annotation = { x: number; y: number; text: string; bgcolor?: string };

test('plot.tree draws one box per node with its split, impurity, samples, value and class', () => {
  const chart = plot.tree(IRIS_TREE, OPTIONS);
  const boxes = (chart.layout.annotations as Annotation[]).filter((a) =>
    a.text.includes('samples'),
  );
  expect(boxes).toHaveLength(5);
  const root = boxes[0];
  expect(root.text).toBe(
    '<b>petal length ≤ 2.45</b><br>gini = 0.667<br>samples = 150<br>value = [50, 50, 50]<br>class = setosa',
  );
  // Leaves take columns 0, 1, 2; each split sits midway over its children.
  expect(boxes.map((b) => [b.x, b.y])).toEqual([
    [0.75, -0],
    [0, -1],
    [1.5, -1],
    [1, -2],
    [2, -2],
  ]);
  expect(boxes[3].text).toContain('class = versicolor');
  expect(boxes[4].text).toContain('class = virginica');
  // A pure leaf is coloured strongly, a mixed root faintly.
  expect(boxes[1].bgcolor).toBe('rgb(98, 160, 203)');
  expect(root.bgcolor).toBe('rgb(233, 241, 248)');
  expect(chart.layout.shapes).toHaveLength(4);
  const labels = (chart.layout.annotations as Annotation[]).filter(
    (a) => !a.text.includes('samples'),
  );
  expect(labels.map((a) => a.text)).toEqual(['true', 'false']);
  expect(toMimeBundle(chart)?.[MIME.text]).toBe('Decision tree: 5 nodes, depth 2');
});

test('plot.tree sums up what lies below maxDepth and escapes names', () => {
  const chart = plot.tree(IRIS_TREE, { maxDepth: 1, featureNames: ['a', 'b', '<c>', 'd'] });
  const texts = (chart.layout.annotations as Annotation[]).map((a) => a.text);
  expect(texts[0]).toContain('&lt;c&gt; ≤ 2.45');
  expect(texts[2]).toContain('… 2 more nodes');
  expect(texts[2]).toContain('d ≤ 1.75');
  expect(toMimeBundle(chart)?.[MIME.text]).toBe(
    'Decision tree: 5 nodes, depth 2, 2 nodes below depth 1 summed up',
  );
});

/**
 * `plot.tree`: a decision tree drawn as boxes and edges (each box: its split, impurity,
 * samples, class counts and majority class), the way scikit-learn's `plot_tree` draws it.
 * Boxes are Plotly annotations and edges are line shapes, so the drawing zooms and pans
 * like any other plot.
 */
import { baseLayout, describe, plural, Plot, type PlotlyObject } from './plot-core';

/** One node of a tree's JSON (`tree.toJSON()`); a leaf has no `feature`. */
export interface TreeNode {
  feature?: number;
  /** Samples with `x[feature] <= threshold` go left. */
  threshold?: number;
  impurity: number;
  samples: number;
  /** Samples (or shares) of each class at this node. */
  value: readonly number[];
  left?: TreeNode;
  right?: TreeNode;
}

export interface TreeOptions {
  featureNames?: readonly string[];
  classNames?: readonly (string | number)[];
  title?: string;
  /** Deeper nodes are summed up as "… n more nodes" (default 4). */
  maxDepth?: number;
  /** What the impurity is called in the boxes (default 'gini'). */
  criterion?: string;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];

interface Placed {
  x: number;
  depth: number;
  text: string;
  fill: string;
  /** The box above (read after layout, when its x is known) and which branch this is. */
  parent?: { node: Placed; left: boolean };
}

/**
 * Draws a decision tree from its JSON.
 *
 * @example
 * const tree = new ml.DecisionTree({ maxDepth: 3 })
 * tree.fit(Xtrain, ytrain)
 * plot.tree(tree.toJSON(), {
 *   featureNames: iris.featureNames, classNames: iris.targetNames,
 * })
 */
export function tree(root: TreeNode, options: TreeOptions = {}): Plot {
  const maxDepth = options.maxDepth ?? 4;
  const placed: Placed[] = [];
  let nextLeafX = 0;
  let hidden = 0;

  // Leaves take the next free column; a split sits midway over its two children.
  const visit = (node: TreeNode, depth: number, parent?: Placed['parent']): Placed => {
    const box: Placed = { x: 0, depth, text: nodeText(node, options), fill: fillOf(node), parent };
    placed.push(box);
    const { left, right } = node;
    if (node.feature === undefined || !left || !right) {
      box.x = nextLeafX++;
    } else if (depth >= maxDepth) {
      const below = countNodes(node) - 1;
      hidden += below;
      box.text += `<br>… ${plural(below, 'more node')}`;
      box.fill = '#eeeeee';
      box.x = nextLeafX++;
    } else {
      const leftBox = visit(left, depth + 1, { node: box, left: true });
      const rightBox = visit(right, depth + 1, { node: box, left: false });
      box.x = (leftBox.x + rightBox.x) / 2;
    }
    return box;
  };
  visit(root, 0);

  const leaves = nextLeafX;
  const depth = placed.reduce((max, node) => Math.max(max, node.depth), 0);
  const fontSize = leaves > 10 ? 9 : leaves > 6 ? 10 : 11;
  const shapes: PlotlyObject[] = [];
  const branchLabels: PlotlyObject[] = [];
  for (const { x, depth: row, parent } of placed) {
    if (!parent) continue;
    const from = parent.node;
    shapes.push({
      type: 'line',
      layer: 'below',
      ...{ x0: from.x, y0: -from.depth, x1: x, y1: -row },
      line: { color: '#888', width: 1 },
    });
    // sklearn's convention: the left branch is where the test is true.
    if (from.depth === 0) {
      branchLabels.push({
        ...{ x: (x + from.x) / 2, y: -0.5, showarrow: false, bgcolor: 'white' },
        text: parent.left ? 'true' : 'false',
        font: { size: 11, color: '#555' },
      });
    }
  }
  const annotations: PlotlyObject[] = placed.map((node) => ({
    x: node.x,
    y: -node.depth,
    text: node.text,
    showarrow: false,
    align: 'center',
    bgcolor: node.fill,
    bordercolor: '#555',
    borderwidth: 1,
    borderpad: 4,
    font: { size: fontSize, color: '#111' },
  }));
  const hiddenAxis = { visible: false, showgrid: false, zeroline: false, fixedrange: false };
  const layout = baseLayout(
    {
      title: options.title,
      // No fixed width: a wider figure than the lesson column is clipped, so the
      // tree fills the column and a learner can zoom into a deep one.
      height: (depth + 1) * 120 + (options.title ? 60 : 20),
    },
    {
      margin: { l: 10, r: 10, t: options.title ? 56 : 16, b: 10 },
      xaxis: { ...hiddenAxis, range: [-0.7, leaves - 0.3] },
      yaxis: { ...hiddenAxis, range: [-depth - 0.5, 0.5] },
      shapes,
      annotations: [...annotations, ...branchLabels],
    },
  );
  const cut = hidden > 0 ? `, ${plural(hidden, 'node')} below depth ${maxDepth} summed up` : '';
  const details = `${plural(countNodes(root), 'node')}, depth ${treeDepth(root)}${cut}`;
  return new Plot([], layout, describe('Decision tree', options.title, details));
}

function countNodes(node: TreeNode | undefined): number {
  if (!node) return 0;
  return 1 + countNodes(node.left) + countNodes(node.right);
}

function treeDepth(node: TreeNode | undefined): number {
  if (!node || !node.left || !node.right) return 0;
  return 1 + Math.max(treeDepth(node.left), treeDepth(node.right));
}

function majority(value: readonly number[]): number {
  return value.reduce((best, count, index) => (count > value[best] ? index : best), 0);
}

function short(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function nodeText(node: TreeNode, options: TreeOptions): string {
  const lines: string[] = [];
  if (node.feature !== undefined && node.threshold !== undefined && node.left && node.right) {
    const name = options.featureNames?.[node.feature] ?? `x[${node.feature}]`;
    lines.push(`<b>${escape(name)} ≤ ${short(node.threshold)}</b>`);
  }
  lines.push(`${escape(options.criterion ?? 'gini')} = ${node.impurity.toFixed(3)}`);
  lines.push(`samples = ${node.samples}`);
  lines.push(
    `value = [${node.value.map((v) => (Number.isInteger(v) ? v : v.toFixed(2))).join(', ')}]`,
  );
  const best = majority(node.value);
  lines.push(`class = ${escape(String(options.classNames?.[best] ?? best))}`);
  return lines.join('<br>');
}

/** Class colour, stronger the purer the node (as in scikit-learn's drawing). */
function fillOf(node: TreeNode): string {
  const total = node.value.reduce((sum, v) => sum + v, 0);
  const k = node.value.length;
  if (total <= 0 || k < 2) return '#ffffff';
  const best = majority(node.value);
  const share = node.value[best] / total;
  const strength = Math.max(0, (share - 1 / k) / (1 - 1 / k));
  const hex = PALETTE[best % PALETTE.length];
  // Blended with white rather than transparent, so the edges behind a box do not show.
  const alpha = 0.1 + 0.6 * strength;
  const [r, g, b] = [1, 3, 5].map((i) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) * alpha + 255 * (1 - alpha)),
  );
  return `rgb(${r}, ${g}, ${b})`;
}

/** Plotly annotations read a little HTML: names must not inject tags. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

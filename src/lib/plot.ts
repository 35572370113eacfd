/**
 * Charts, imported as `plot` (`plot.line`, `plot.scatter`, …). Each returns a `Plot`
 * shown when it is a cell's last value; `plot.live` returns a chart that grows.
 */
export { Plot, type PlotOptions } from './plot-core';
export { line, type Series } from './plot-line';
export { scatter, type ScatterSeries } from './plot-scatter';
export { bar, hist, type BarData, type HistOptions } from './plot-bar';
export { heatmap, type HeatmapOptions } from './plot-heatmap';
export { live, LivePlot, type LiveOptions, type LivePoint } from './plot-live';
export { image, images, type ImageOptions, type ImagesOptions } from './plot-image';
export { confusion, type ConfusionOptions } from './plot-confusion';
export { tree, type TreeNode, type TreeOptions } from './plot-tree';
export { dendrogram, type DendrogramData, type DendrogramOptions } from './plot-dendrogram';
export { study, type StudyData, type StudyOptions } from './plot-study';

/**
 * On a touch screen a chart must not trap the page: Plotly's default drag (zoom) takes a
 * one-finger swipe and calls preventDefault, so a learner scrolling through a lesson gets
 * stuck on every chart. With `dragmode: false` Plotly leaves the touch to the browser
 * (it only calls preventDefault when dragmode is not false); tap-to-hover still works, and
 * the modebar's zoom and pan stay one tap away for a learner who wants them.
 */

/** Whether the main pointer is a finger (phones, tablets): where drags must scroll. */
export function hasCoarsePointer(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** The layout with drag turned off on a touch screen (the figure's own dragmode included). */
export function scrollFriendly(
  layout: Record<string, unknown>,
  coarsePointer: boolean,
): Record<string, unknown> {
  return coarsePointer ? { ...layout, dragmode: false } : layout;
}

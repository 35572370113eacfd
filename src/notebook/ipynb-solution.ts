/**
 * A solution in a `.ipynb` file: a Markdown cell that says the solution is kept out of
 * sight, with the code itself only in `metadata.playgrad.solution`. Jupyter and GitHub
 * never show or run it as an ordinary cell, so an exported notebook does not hand the
 * answer to whoever opens it; importing the file back into Playgrad restores the cell.
 */

/** What Jupyter shows in the solution's place. */
export function solutionPlaceholder(exerciseId: string | undefined): string {
  const of = exerciseId ? ` of \`${exerciseId}\`` : '';
  return `*The solution${of} is kept in this notebook's metadata, not shown here: import the notebook into Playgrad to reveal it.*`;
}

/** The solution's code from a cell's `metadata.playgrad`, or undefined when it is not there. */
export function solutionFromMeta(meta: Record<string, unknown> | undefined): string | undefined {
  return meta?.role === 'solution' && typeof meta.solution === 'string' ? meta.solution : undefined;
}

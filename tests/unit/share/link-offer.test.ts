import { describe, expect, test } from 'vitest';
import { chosenChanges, defaultChoices, offeredCells } from '../../../src/ui/share/link-offer';

const originals = { load: 'load()', model: 'model()', plot: 'plot()' };

describe('a link with edits, cell by cell', () => {
  const current = { load: 'load()', model: 'my model()', plot: 'plot()' };
  const cells = offeredCells({ model: 'their model()', load: 'their load()' }, current, originals);

  test('marks the cells the learner edited', () => {
    expect(cells).toEqual([
      { cellId: 'model', current: 'my model()', incoming: 'their model()', ownEdit: true },
      { cellId: 'load', current: 'load()', incoming: 'their load()', ownEdit: false },
    ]);
  });

  test("by default keeps the learner's own code and takes the link's elsewhere", () => {
    expect(chosenChanges(cells, defaultChoices(cells))).toEqual({
      apply: { load: 'their load()' },
      kept: ['model'],
    });
  });

  test("replaces the learner's code only in a cell they chose", () => {
    expect(chosenChanges(cells, { model: true, load: false })).toEqual({
      apply: { model: 'their model()' },
      kept: ['load'],
    });
  });

  test('a cell id like "constructor" is a cell, not an inherited property', () => {
    const odd = offeredCells({ constructor: 'x' }, { constructor: 'y' }, {});
    expect(odd[0].ownEdit).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { scrollFriendly } from '../../../src/ui/outputs/plotly-touch';

describe('scrollFriendly', () => {
  test('turns drag off on a touch screen, even where the figure asks for zoom', () => {
    expect(scrollFriendly({ title: 't', dragmode: 'zoom' }, true)).toEqual({
      title: 't',
      dragmode: false,
    });
  });

  test('leaves the layout alone for a mouse', () => {
    const layout = { dragmode: 'pan' };
    expect(scrollFriendly(layout, false)).toBe(layout);
  });
});

import { describe, expect, it } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { chooseRenderer, RENDER_PREFERENCE } from '../../../src/ui/outputs/choose';

const choose = (bundle: Record<string, unknown>) => chooseRenderer(bundle, RENDER_PREFERENCE)?.mime;

describe('chooseRenderer', () => {
  it('picks the richest type the bundle has', () => {
    expect(choose({ [MIME.text]: 'Figure', [MIME.plotly]: { data: [] } })).toBe(MIME.plotly);
    expect(choose({ [MIME.text]: 'x', [MIME.html]: '<b>x</b>', [MIME.markdown]: '**x**' })).toBe(
      MIME.html,
    );
    expect(choose({ [MIME.text]: 'x', [MIME.png]: 'iVBOR' })).toBe(MIME.png);
    expect(
      choose({ [MIME.text]: 't', [MIME.tensor]: { shape: [2], dtype: 'float32', size: 2 } }),
    ).toBe(MIME.tensor);
    expect(choose({ [MIME.html]: '<table>', [MIME.table]: { data: [] } })).toBe(MIME.table);
  });

  it('falls back to text/plain', () => {
    expect(choose({ [MIME.text]: '42' })).toBe(MIME.text);
  });

  it('skips a renderer that does not accept the value', () => {
    // A widget kind the UI does not know (yet) shows its text instead of nothing.
    const slider = { [MIME.widget]: { kind: 'slider', value: 3 }, [MIME.text]: 'slider 3' };
    expect(choose(slider)).toBe(MIME.text);
    const progress = { [MIME.widget]: { kind: 'progress', label: 'epochs', value: 3, max: 10 } };
    expect(choose(progress)).toBe(MIME.widget);
    // Malformed Plotly data (no data array) is not handed to Plotly.
    expect(choose({ [MIME.plotly]: { layout: {} }, [MIME.text]: 'plot' })).toBe(MIME.text);
  });

  it('returns undefined when nothing can be drawn', () => {
    expect(choose({ 'application/x-unknown': 1 })).toBeUndefined();
    expect(choose({})).toBeUndefined();
  });

  it('follows the order of the list it is given', () => {
    const list = [{ mime: 'b' }, { mime: 'a' }];
    expect(chooseRenderer({ a: 1, b: 2 }, list)?.mime).toBe('b');
  });
});

/**
 * The CodeMirror pieces the cell editor is made of: language, keys and theme. Kept apart
 * from the component so the component only wires state to props.
 */
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';

/** TypeScript/JavaScript get syntax support; other fences (python, text) are plain. */
export function languageFor(lang: string | undefined): Extension {
  switch ((lang ?? '').toLowerCase()) {
    case 'ts':
    case 'typescript':
    case 'tsx':
      return javascript({ typescript: true });
    case 'js':
    case 'javascript':
    case 'mjs':
      return javascript();
    default:
      return [];
  }
}

export interface RunKeys {
  /** Shift+Enter runs and moves to the next cell; Ctrl/Cmd+Enter runs and stays. */
  onrun: (options: { advance: boolean }) => void;
}

/**
 * Highest precedence, so Shift+Enter and Mod+Enter never insert a newline first (the
 * default keymap binds Mod-Enter to insertBlankLine).
 */
export function runKeymap(keys: RunKeys): Extension {
  return Prec.highest(
    keymap.of([
      { key: 'Shift-Enter', run: () => (keys.onrun({ advance: true }), true) },
      { key: 'Mod-Enter', run: () => (keys.onrun({ advance: false }), true) },
      {
        // Tab indents inside the editor; Escape leaves it for the cell around it (keyboard
        // users must never be trapped), from where Tab moves on. An open completion list
        // takes Escape first.
        key: 'Escape',
        run: (view) => {
          if (view.dom.querySelector('.cm-tooltip-autocomplete')) return false;
          const cell = view.dom.closest<HTMLElement>('[data-cell-id][tabindex]');
          if (!cell) {
            view.setTabFocusMode(2000);
            return false;
          }
          cell.focus();
          return true;
        },
      },
    ]),
  );
}

export const tabIndents: Extension = keymap.of([indentWithTab]);

/** Colours and fonts come from theme.css, so the editor follows the page's theme. */
export const editorTheme: Extension = EditorView.theme({
  '&': {
    fontSize: 'var(--size-code, 15px)',
    backgroundColor: 'var(--code-bg)',
    color: 'var(--fg)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': {
    outline: '2px solid var(--accent)',
    outlineOffset: '1px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--font-code)',
    lineHeight: '1.5',
    // Auto height: the editor grows with its content; only very long lines scroll sideways.
    overflowY: 'visible',
  },
  '.cm-content': { padding: '0.5rem 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-bg)',
    color: 'var(--muted)',
    border: 'none',
    borderRadius: 'var(--radius) 0 0 var(--radius)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--active-line, rgba(0, 0, 0, 0.04))' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--fg)' },
  // Every cell has a selection; only the focused one should show its current line.
  '&:not(.cm-focused) .cm-activeLine': { backgroundColor: 'transparent' },
  '&:not(.cm-focused) .cm-activeLineGutter': { color: 'var(--muted)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)', borderLeftWidth: '2px' },
});

/**
 * CodeMirror's default colours, except the few that fall below WCAG AA (4.5:1) on
 * --code-bg: type names (#085, 4.2:1), regexps and escapes (#e40, 3.5:1), invalid code
 * (#f00, 3.7:1). Deriving from its specs keeps every other choice CodeMirror made.
 */
const ACCESSIBLE_COLOURS: Record<string, string> = {
  '#085': '#00704a', // 5.7:1
  '#e40': '#b33000', // 5.8:1
  '#f00': '#c00000', // 6.0:1
};

export const accessibleHighlighting: Extension = syntaxHighlighting(
  HighlightStyle.define(
    defaultHighlightStyle.specs.map((spec) =>
      typeof spec.color === 'string' && spec.color in ACCESSIBLE_COLOURS
        ? { ...spec, color: ACCESSIBLE_COLOURS[spec.color] }
        : spec,
    ),
  ),
);

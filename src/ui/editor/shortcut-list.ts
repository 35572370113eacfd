/**
 * Every key a lesson answers to, in the learner's words, for the shortcut sheet (H or ?
 * on a cell, or "Keyboard shortcuts" in the More menu). The keys themselves live in
 * extensions.ts (the editor's), cell-keys.ts (the lesson's), CodeCell.svelte (Run to
 * here) and PresentView.svelte: a key added there is added here.
 */

export interface Shortcut {
  /** The keys, each written as it is pressed ("Ctrl+Enter"); alternatives are separate. */
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** "Ctrl" on Windows and Linux, "⌘" on a Mac: the modifier the lesson's keys use. */
export function modKey(platform: string): string {
  return /Mac|iPhone|iPad/.test(platform) ? '⌘' : 'Ctrl';
}

export function shortcutGroups(mod: string): ShortcutGroup[] {
  return [
    {
      title: 'In a cell’s editor',
      shortcuts: [
        { keys: ['Shift+Enter'], does: 'Run the cell and move to the next one' },
        { keys: [`${mod}+Enter`], does: 'Run the cell and stay in it' },
        {
          keys: [`${mod}+Shift+Enter`],
          does: 'Run to here: every cell from the top down to this one',
        },
        { keys: ['Tab', 'Shift+Tab'], does: 'Indent, unindent' },
        { keys: ['Escape'], does: 'Leave the editor for its cell (then Tab moves on)' },
      ],
    },
    {
      title: 'Anywhere in a lesson',
      shortcuts: [
        { keys: [`${mod}+I`], does: 'Stop the running cell' },
        { keys: ['Ctrl+↑', 'Ctrl+↓'], does: 'Go to the previous or next cell’s editor' },
      ],
    },
    {
      title: 'On a cell (after Escape)',
      shortcuts: [
        { keys: ['Enter'], does: 'Back into the editor' },
        { keys: ['↑', '↓'], does: 'Go to the previous or next cell' },
        { keys: ['Shift+Enter'], does: 'Run the cell and move to the next one' },
        { keys: ['I, I'], does: 'Stop the running cell (press I twice)' },
        { keys: ['H', '?'], does: 'Show this list of keys' },
      ],
    },
    {
      title: 'Present mode',
      shortcuts: [
        { keys: ['→', 'PageDown'], does: 'Next section' },
        { keys: ['←', 'PageUp'], does: 'Previous section' },
        { keys: ['Escape'], does: 'Back to the page, at the same section' },
      ],
    },
  ];
}

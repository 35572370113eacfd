/**
 * Keys of a lesson outside the editor's own: Mod+I stops the running cell from anywhere
 * (in an editor too, where CodeMirror would select the parent syntax node); Ctrl+↑/↓ move
 * to the previous/next cell from an editor or a cell (into its editor when it shows one);
 * on a focused cell (after Escape left its editor) I, I stops too, as in Jupyter's command
 * mode, Enter goes back into the editor, ↑/↓ move to the previous/next cell and H or ?
 * opens the sheet of every key (shortcut-list.ts).
 */

const CELL = '[data-cell-id]';

function isModI(event: KeyboardEvent): boolean {
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
  return mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'i';
}

/** The cell container itself has focus (not a button or editor inside it). */
function focusedCell(event: KeyboardEvent): HTMLElement | undefined {
  const target = event.target;
  return target instanceof HTMLElement && target.matches(CELL) ? target : undefined;
}

function moveTo(cell: HTMLElement, step: 1 | -1, intoEditor = false): void {
  const cells = [...document.querySelectorAll<HTMLElement>(`${CELL}[tabindex]`)];
  const next = cells[cells.indexOf(cell) + step];
  if (!next) return;
  // The editor, or its placeholder (focusing that builds the editor), else the cell.
  const editor = intoEditor
    ? next.querySelector<HTMLElement>('.cm-content, [data-testid="lazy-editor"]')
    : null;
  (editor ?? next).focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

/** Ctrl+↑/↓ (not ⌘: on a Mac, Cmd+↑ is "start of the document" in an editor). */
function isCtrlArrow(event: KeyboardEvent): boolean {
  const arrow = event.key === 'ArrowUp' || event.key === 'ArrowDown';
  return arrow && event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey;
}

/** The cell that holds the focus: the cell itself or anything inside it (its editor). */
function cellAround(event: KeyboardEvent): HTMLElement | undefined {
  const target = event.target;
  return target instanceof Element
    ? (target.closest<HTMLElement>(`${CELL}[tabindex]`) ?? undefined)
    : undefined;
}

/** A keydown listener for the window (capture phase, so it runs before the editor's). */
export function cellKeys(
  stop: () => void,
  busy: () => boolean,
  showShortcuts?: () => void,
): (event: KeyboardEvent) => void {
  let lastWasI: EventTarget | null = null;
  return (event) => {
    if (isModI(event)) {
      if (!busy()) return;
      event.preventDefault();
      event.stopPropagation();
      void stop();
      return;
    }
    const around = isCtrlArrow(event) ? cellAround(event) : undefined;
    if (around) {
      event.preventDefault();
      event.stopPropagation();
      moveTo(around, event.key === 'ArrowDown' ? 1 : -1, true);
      return;
    }
    const cell = focusedCell(event);
    // '?' takes Shift on most keyboards, so only the other modifiers rule it out.
    const help = event.key === 'h' || event.key === 'H' || event.key === '?';
    if (cell && help && showShortcuts && !event.altKey && !event.ctrlKey && !event.metaKey) {
      lastWasI = null;
      event.preventDefault();
      showShortcuts();
      return;
    }
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (!cell || !plain) {
      lastWasI = null;
      return;
    }
    const key = event.key;
    if (key === 'i' || key === 'I') {
      if (lastWasI === cell) {
        lastWasI = null;
        void stop();
      } else lastWasI = cell;
      event.preventDefault();
      return;
    }
    lastWasI = null;
    if (key === 'Enter') {
      cell.querySelector<HTMLElement>('.cm-content')?.focus();
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      moveTo(cell, key === 'ArrowDown' ? 1 : -1);
    } else return;
    event.preventDefault();
  };
}

/**
 * Keys of a lesson outside the editor's own: Mod+I stops the running cell from anywhere
 * (in an editor too, where CodeMirror would select the parent syntax node); on a focused
 * cell (after Escape left its editor) I, I stops too, as in Jupyter's command mode, Enter
 * goes back into the editor, and ↑/↓ move to the previous/next cell.
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

function moveTo(cell: HTMLElement, step: 1 | -1): void {
  const cells = [...document.querySelectorAll<HTMLElement>(`${CELL}[tabindex]`)];
  const next = cells[cells.indexOf(cell) + step];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/** A keydown listener for the window (capture phase, so it runs before the editor's). */
export function cellKeys(stop: () => void, busy: () => boolean): (event: KeyboardEvent) => void {
  let lastWasI: EventTarget | null = null;
  return (event) => {
    if (isModI(event)) {
      if (!busy()) return;
      event.preventDefault();
      event.stopPropagation();
      void stop();
      return;
    }
    const cell = focusedCell(event);
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

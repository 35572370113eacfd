/** The line under a focused editor: how to leave it, run, and stop, with this platform's key. */
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const STOP_KEY = MAC ? '⌘I' : 'Ctrl+I';

export const EDITOR_HINT = `Esc to leave the editor · Shift+Enter run · ${STOP_KEY} stop`;

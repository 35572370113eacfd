/**
 * Present mode's text size, in CSS pixels, remembered in localStorage so an instructor
 * sets it once per projector.
 */
export const FONT_SIZE_KEY = 'playgrad.present.fontSize';
export const DEFAULT_FONT_SIZE = 26;
export const MIN_FONT_SIZE = 16;
export const MAX_FONT_SIZE = 48;
export const FONT_SIZE_STEP = 2;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_FONT_SIZE;
  return Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(size)));
}

export function readFontSize(store: Store | undefined): number {
  try {
    const saved = store?.getItem(FONT_SIZE_KEY);
    return saved == null ? DEFAULT_FONT_SIZE : clampFontSize(Number(saved));
  } catch {
    return DEFAULT_FONT_SIZE; // storage blocked: the default still works
  }
}

/** The next size one step `direction` away; stored when storage allows. */
export function stepFontSize(store: Store | undefined, size: number, direction: 1 | -1): number {
  const next = clampFontSize(size + direction * FONT_SIZE_STEP);
  try {
    store?.setItem(FONT_SIZE_KEY, String(next));
  } catch {
    // Not remembered, but the size still changes for this session.
  }
  return next;
}

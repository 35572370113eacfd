/**
 * "Continue where you left off": the last lesson opened in this browser and, once the
 * reader has scrolled, the section at the top of the screen. localStorage, not IndexedDB:
 * one small record read synchronously when the index renders.
 */
export interface LastVisit {
  slug: string;
  title: string;
  /** Heading id and title of the section the reader was at. */
  section?: { id: string; title: string };
}

export const LAST_VISIT_KEY = 'playgrad:last-visit';

/** The part of localStorage used here (a Map-backed stand-in in unit tests). */
type VisitStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): VisitStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readLastVisit(store = storage()): LastVisit | undefined {
  try {
    const value: unknown = JSON.parse(store?.getItem(LAST_VISIT_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const visit = value as Partial<LastVisit>;
    if (typeof visit.slug !== 'string' || typeof visit.title !== 'string') return undefined;
    const section = visit.section;
    const validSection =
      typeof section?.id === 'string' && typeof section.title === 'string' ? section : undefined;
    return { slug: visit.slug, title: visit.title, section: validSection };
  } catch {
    return undefined; // not JSON: as if never visited
  }
}

export function writeLastVisit(visit: LastVisit, store = storage()): void {
  try {
    store?.setItem(LAST_VISIT_KEY, JSON.stringify(visit));
  } catch {
    // Storage full or blocked: the index just cannot offer to continue.
  }
}

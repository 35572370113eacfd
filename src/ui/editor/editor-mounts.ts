/**
 * When a lazy editor (LazyEditor.svelte) is built: at once when its cell comes within a
 * screen of the viewport (IntersectionObserver), otherwise one editor per idle moment, in
 * page order. A notebook of hundreds of cells then opens at once, and every editor is
 * there after a while without ever building them all in one task.
 */

/** How far outside the viewport a cell's editor is built ahead of scrolling. */
const NEAR_VIEWPORT = '800px 0px';
/** Without requestIdleCallback (Safari), a short pause between two editors. */
const IDLE_FALLBACK_MS = 30;

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;
let idleScheduled = false;

/** Calls `mount` once: near the viewport or when idle. Returns a cancel function. */
export function scheduleMount(element: Element, mount: () => void): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    forget(element);
    mount();
  };
  waiting.set(element, run);
  nearViewport()?.observe(element);
  scheduleIdle();
  return () => {
    done = true;
    forget(element);
  };
}

function forget(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
}

function nearViewport(): IntersectionObserver | undefined {
  if (typeof IntersectionObserver !== 'function') return undefined;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) waiting.get(entry.target)?.();
      }
    },
    { rootMargin: NEAR_VIEWPORT },
  );
  return observer;
}

function scheduleIdle(): void {
  if (idleScheduled || waiting.size === 0) return;
  idleScheduled = true;
  const next = (): void => {
    idleScheduled = false;
    // Map order is registration order: the page's order.
    const first = waiting.values().next();
    if (!first.done) first.value();
    scheduleIdle();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(next, { timeout: 1000 });
  else setTimeout(next, IDLE_FALLBACK_MS);
}

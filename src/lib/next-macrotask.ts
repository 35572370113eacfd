/**
 * A cheap yield to the worker's event loop, so that a Stop waiting in its queue is read.
 *
 * A MessageChannel message runs on the next macrotask at once: setTimeout is clamped to
 * 4 ms after a few nested calls, and tfjs's `nextFrame` (requestAnimationFrame in a
 * worker) costs 15–18 ms each time.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

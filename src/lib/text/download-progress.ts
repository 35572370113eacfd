/**
 * A progress bar in the running cell for a model download: Transformers.js reports each
 * file's bytes; the bar shows the sum over the files seen so far.
 */
import type { ProgressInfo } from '@huggingface/transformers';
import type { ProgressMessage } from '../../protocol/messages';
import { kernelContext, newDisplayId } from '../context';
import { PROGRESS_UPDATE_INTERVAL_MS } from '../progress';
import { Throttle } from '../throttle';

export interface DownloadProgress {
  /** Pass as Transformers.js' `progress_callback`. */
  callback(info: ProgressInfo): void;
  /** Shows the bar full (or stops it where it is, after a failure). */
  finish(): void;
}

export function downloadProgress(label: string): DownloadProgress {
  const context = kernelContext();
  const cellId = context.cellId();
  const displayId = newDisplayId();
  const files = new Map<string, { loaded: number; total: number }>();
  const throttle = new Throttle<ProgressMessage>(PROGRESS_UPDATE_INTERVAL_MS, (message) =>
    context.emit(message),
  );
  const send = () => {
    let loaded = 0;
    let total = 0;
    for (const file of files.values()) {
      loaded += file.loaded;
      total += file.total;
    }
    // max 0 = unknown total: an indeterminate bar until the first sizes arrive.
    throttle.push({ type: 'progress', cellId, displayId, label, value: loaded, max: total });
  };
  send();
  return {
    callback(info) {
      if (info.status !== 'progress') return;
      files.set(info.file, { loaded: info.loaded, total: info.total });
      send();
    },
    finish() {
      for (const file of files.values()) file.loaded = file.total;
      send();
      throttle.flush();
    },
  };
}

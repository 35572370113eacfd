/**
 * What runner.html puts on `window` for `playgrad run`. Types only, so the Node command
 * can type its `page.evaluate` calls without importing browser code.
 */
import type { Backend, ChatEndpointSettings } from '../../protocol/messages';
import type { CellReport, NotebookReport } from './report';

export interface PlaygradRunner {
  /** `chat`: the OpenAI-compatible endpoint `llm.chat` uses (`playgrad run --chat-base-url`). */
  run(
    text: string,
    name: string,
    backend?: Backend | 'auto',
    chat?: ChatEndpointSettings,
    options?: { allowErrors?: boolean },
  ): Promise<NotebookReport>;
}

declare global {
  interface Window {
    playgradRunner: PlaygradRunner;
    /** Bound by the command (page.exposeFunction) to print a line per finished cell. */
    playgradReportCell?: (report: CellReport) => Promise<void>;
  }
}

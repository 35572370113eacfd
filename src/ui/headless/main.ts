/**
 * Entry of runner.html: the page `playgrad run` opens in headless Chromium. It exposes
 * one function; the command passes notebook text in and gets a report back.
 */
import './runner-api';
import { runNotebook } from './run-notebook';

const baseUrl = new URL('./', document.baseURI).href;

window.playgradRunner = {
  run: (text, name, backend = 'auto', chat, options) =>
    runNotebook(text, {
      name,
      baseUrl,
      backend,
      chat,
      allowErrors: options?.allowErrors,
      onCell: (report) => void window.playgradReportCell?.(report),
    }),
};
document.body.dataset.ready = 'true';

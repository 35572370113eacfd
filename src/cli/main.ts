/**
 * The `playgrad` command: run notebooks headless, export them, serve the site.
 * Returns the exit status: 0 when everything passed, 1 when a notebook failed,
 * 2 for a usage error.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BACKENDS, type Backend } from '../protocol/messages';
import { CHAT_SERVER_USAGE, chatServerCommand } from './chat-server/command';
import { exportNotebook } from './export';
import { notebooksDir } from './paths';
import { runNotebookFiles } from './run';
import { serveSite } from './server';
import { ensureBuilt } from './site';

const USAGE = `Usage:
  playgrad run <notebook.md|.ipynb …> [--json] [--backend auto|webgpu|webgl|wasm|cpu] [--verbose]
               [--allow-errors]        run on past a failing cell (the exit status is still 1)
               [--chat-base-url URL --chat-model NAME]
                                       llm.chat uses that endpoint (key: $PLAYGRAD_CHAT_API_KEY)
  playgrad run --all [--json]          run every lesson in notebooks/
  playgrad export <notebook.md> --to ipynb [--run] [-o out.ipynb]
  playgrad serve [--port 4173] [--host 127.0.0.1] [--isolated]
                                       --isolated: COOP/COEP headers, so WASM runs on threads
${CHAT_SERVER_USAGE}`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'export':
        return await exportCommand(rest);
      case 'serve':
        return await serveCommand(rest);
      case 'chat-server':
        return await chatServerCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`playgrad: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function parseBackend(value: string | undefined): Backend | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if ((BACKENDS as readonly string[]).includes(value)) return value as Backend;
  throw new UsageError(`Unknown backend "${value}".`);
}

async function allNotebooks(): Promise<string[]> {
  const entries = await readdir(notebooksDir, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.md'))
    .sort()
    .map((entry) => path.join(notebooksDir, entry));
}

async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      backend: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'allow-errors': { type: 'boolean', default: false },
      'chat-base-url': { type: 'string' },
      'chat-model': { type: 'string' },
    },
  });
  const files = values.all ? await allNotebooks() : positionals;
  const chat = chatEndpoint(values['chat-base-url'], values['chat-model']);
  if (files.length === 0) throw new UsageError('Name at least one notebook, or use --all.');
  // Under --json stdout carries only JSON (one object per notebook per line).
  const log = (line: string) => (values.json ? console.error(line) : console.log(line));
  const reports = await runNotebookFiles(files, {
    backend: parseBackend(values.backend),
    log,
    verbose: values.verbose,
    chat,
    allowErrors: values['allow-errors'],
  });
  if (values.json) for (const report of reports) console.log(JSON.stringify(report));
  return reports.every((report) => report.ok) ? 0 : 1;
}

/**
 * The endpoint for `llm.chat`, or none (the offline model). The key comes from the
 * environment, never from an argument: arguments show in `ps` and in shell history.
 */
function chatEndpoint(baseURL: string | undefined, model: string | undefined) {
  if (baseURL === undefined && model === undefined) return undefined;
  if (!baseURL || !model) throw new UsageError('Give both --chat-base-url and --chat-model.');
  const apiKey = process.env.PLAYGRAD_CHAT_API_KEY;
  return { baseURL, model, ...(apiKey && { apiKey }) };
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string', default: 'ipynb' },
      run: { type: 'boolean', default: false },
      out: { type: 'string', short: 'o' },
    },
  });
  if (values.to !== 'ipynb') throw new UsageError(`Cannot export to "${values.to}".`);
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('Name exactly one notebook.');
  const out = values.out ?? file.replace(/\.md$/, '') + '.ipynb';
  const report = values.run
    ? (await runNotebookFiles([file], { backend: 'auto', log: (l) => console.error(l) }))[0]
    : undefined;
  await exportNotebook(file, out, report);
  console.log(`Wrote ${out}${report ? ' (with outputs)' : ''}`);
  return report && !report.ok ? 1 : 0;
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      isolated: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new UsageError(`Bad port "${values.port}".`);
  await ensureBuilt((line) => console.log(line));
  const site = await serveSite({ port, host: values.host, isolated: values.isolated });
  const mode = values.isolated ? ', cross-origin isolated: WASM runs on threads' : '';
  console.log(`Playgrad is running at ${site.url}${mode}  (Ctrl+C to stop)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await site.close();
  return 0;
}

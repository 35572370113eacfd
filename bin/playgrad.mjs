#!/usr/bin/env node
// The `playgrad` command. Its code is TypeScript under src/cli; tsx compiles it on the fly
// so the command works straight after `npm ci`, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

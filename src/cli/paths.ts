/** Where things are, relative to the project root (this file is src/cli/paths.ts). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(projectRoot, 'dist');
export const notebooksDir = path.join(projectRoot, 'notebooks');

/**
 * Serves the built site (dist/, built by `npm run test:e2e` just before) once for the
 * whole end-to-end suite, and hands its URL to the tests.
 */
import type { TestProject } from 'vitest/node';
import { serveSite } from '../../src/cli/server';
import { isBuildFresh } from '../../src/cli/site';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!(await isBuildFresh())) {
    throw new Error('dist/ is missing or older than the sources: run `npx vite build` first.');
  }
  const site = await serveSite();
  project.provide('siteUrl', site.url);
  return () => site.close();
}

// Every dataset the site ships, in catalog order. One module per dataset.
import diabetes from './diabetes.mjs';
import iris from './iris.mjs';

/** @type {import('./dataset-module.mjs').DatasetModule[]} */
export const datasetModules = [diabetes, iris];

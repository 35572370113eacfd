// Every dataset the site ships, in catalog order. One module per dataset.
import breastCancer from './breast-cancer.mjs';
import churn from './churn.mjs';
import diabetes from './diabetes.mjs';
import digits from './digits.mjs';
import fashionMnist from './fashion-mnist.mjs';
import iris from './iris.mjs';
import mnist from './mnist.mjs';
import penguins from './penguins.mjs';
import titanic from './titanic.mjs';
import wine from './wine.mjs';

/** @type {import('./dataset-module.mjs').DatasetModule[]} */
export const datasetModules = [
  diabetes,
  iris,
  penguins,
  wine,
  breastCancer,
  titanic,
  churn,
  digits,
  mnist,
  fashionMnist,
];

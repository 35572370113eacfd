// Telco churn: 7,043 customers of a phone company, who left. Read from R's modeldata (wa_churn).
import { join } from 'node:path';
import { readLazyLoadDataFrame } from './r-lazy-load.mjs';

const YES_NO = ['female', 'senior_citizen', 'partner', 'dependents', 'phone_service'];
const SERVICES = [
  'online_security',
  'online_backup',
  'device_protection',
  'tech_support',
  'streaming_tv',
  'streaming_movies',
];
const ADD_ON = ['No', 'Yes', 'No internet service'];
const ONE_HOT = {
  multiple_lines: ['No', 'Yes', 'No phone service'],
  internet_service: ['DSL', 'Fiber optic', 'No'],
  ...Object.fromEntries(SERVICES.map((service) => [service, ADD_ON])),
  payment_method: [
    'Electronic check',
    'Mailed check',
    'Bank transfer (automatic)',
    'Credit card (automatic)',
  ],
};
const CONTRACTS = ['Month-to-month', 'One year', 'Two year'];
const COLUMNS = [
  'churn',
  ...YES_NO,
  'tenure',
  'multiple_lines',
  'internet_service',
  ...SERVICES,
  'contract',
  'paperless_billing',
  'payment_method',
  'monthly_charges',
  'total_charges',
];

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'churn',
  file: 'churn.csv',
  title: 'Telco customer churn',
  description:
    '7,043 customers of a telephone and internet company (IBM\'s "Telco customer churn" ' +
    'sample data): whether they left within the last month (churn: 1,869 Yes, 5,174 No), ' +
    'their account (tenure in months, contract, paperless billing, payment method, monthly ' +
    'and total charges in dollars), their services (phone, multiple lines, internet: DSL, ' +
    'fibre optic or none, and six add-ons) and who they are (female, senior citizen, partner, ' +
    'dependents: 1 for yes). total_charges is missing (null) for the 11 customers who joined ' +
    'this month (tenure 0). In X each service and the payment method are one-hot encoded ' +
    '(e.g. internet_service_DSL) and the contract is its length in months (1, 12 or 24); ' +
    'rows keep the text.',
  origin: 'IBM Cognos Analytics sample data, as wa_churn in R modeldata (Kuhn)',
  debianPackage: 'r-cran-modeldata',
  sourceFile: 'usr/lib/R/site-library/modeldata/data/Rdata.rdb (wa_churn)',
  license: 'MIT (R package modeldata)',
  task: 'classification',
  target: 'churn',
  columns: COLUMNS,
  features: [
    ...YES_NO,
    'tenure',
    ...Object.entries(ONE_HOT).flatMap(([column, values]) => values.map((v) => `${column}_${v}`)),
    'contract',
    'paperless_billing',
    'monthly_charges',
    'total_charges',
  ],
  encodings: [
    ...Object.entries(ONE_HOT).map(([column, categories]) => ({
      column,
      kind: 'one-hot',
      categories,
    })),
    // The contract's length in months: an order a tree can split on, and a number that means it.
    { column: 'contract', kind: 'ordinal', categories: CONTRACTS, codes: [1, 12, 24] },
  ],
  expect: {
    rows: 7043,
    firstRecord: {
      churn: 'No',
      female: 1,
      senior_citizen: 0,
      partner: 1,
      dependents: 0,
      phone_service: 0,
      tenure: 1,
      multiple_lines: 'No phone service',
      internet_service: 'DSL',
      online_security: 'No',
      online_backup: 'Yes',
      device_protection: 'No',
      tech_support: 'No',
      streaming_tv: 'No',
      streaming_movies: 'No',
      contract: 'Month-to-month',
      paperless_billing: 1,
      payment_method: 'Electronic check',
      monthly_charges: 29.85,
      total_charges: 29.85,
    },
  },

  build(root) {
    const packageDir = join(root, 'usr/lib/R/site-library/modeldata');
    const { columns } = readLazyLoadDataFrame(packageDir, 'wa_churn');
    const records = columns.churn.map((_, i) =>
      Object.fromEntries(COLUMNS.map((column) => [column, columns[column][i]])),
    );
    return { records, targetNames: ['No', 'Yes'] };
  },
};

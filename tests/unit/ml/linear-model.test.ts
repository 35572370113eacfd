/**
 * LinearModel against scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1) on the whole
 * of datasets/diabetes.csv (442 rows, raw features). The objectives are the same, so the
 * coefficients agree to 1e-6 relative (of the largest coefficient):
 *   LinearRegression().fit(X, y)
 *   Ridge(alpha=10.0).fit(X, y)
 *   Lasso(alpha=0.5, tol=1e-14, max_iter=1000000).fit(X, y)
 *   ElasticNet(alpha=0.5, l1_ratio=0.3, tol=1e-14, max_iter=1000000).fit(X, y)
 *   Lasso(alpha=5.0, tol=1e-14, max_iter=1000000).fit(StandardScaler().fit_transform(X), y)
 */
import { describe, expect, it } from 'vitest';
import { LinearModel } from '../../../src/lib/ml/linear-model';
import { closeTo, diabetes, standardized } from './sklearn-data';

const { X, y } = diabetes();

const references = {
  none: {
    options: { penalty: 'none' },
    coef: [
      -0.036361224223618455, -22.859648090498375, 5.602962091923722, 1.1168079933181878,
      -1.0899963340632244, 0.7464504555142109, 0.37200471508913635, 6.533831935990335,
      68.48312496478825, 0.2801169893214942,
    ],
    intercept: -334.5671385187869,
    r2: 0.5177484222203498,
  },
  l2: {
    options: { penalty: 'l2', alpha: 10 },
    coef: [
      -0.0188303890445498, -20.52921775635908, 5.833733494532219, 1.1235145909941429,
      -0.0505369027431426, -0.20862182196583864, -0.7751985454926921, 4.684300289907448,
      37.258731731886, 0.32299468120514246,
    ],
    intercept: -226.254235225962,
    r2: 0.513103327276214,
  },
  l1: {
    options: { penalty: 'l1', alpha: 0.5 },
    coef: [
      -0.02662269488157128, -20.124010309066808, 5.732347959713218, 1.1030295873409683,
      -0.37306743124678426, 0.12885279860013535, -0.5143775602511799, 3.1037234873773016,
      49.03392002112, 0.3055578205789181,
    ],
    intercept: -259.4271744486322,
    r2: 0.5155618885738125,
  },
  elasticnet: {
    options: { penalty: 'elasticnet', alpha: 0.5, l1Ratio: 0.3 },
    coef: [
      -0.03603969516342862, -7.960037872236178, 6.111627123694138, 1.0635674451014387,
      1.1085759017434047, -1.2455759557378905, -1.998033060940151, 0.9251910943404698,
      4.702879129092655, 0.3474230928974252,
    ],
    intercept: -120.00128068570334,
    r2: 0.4915362819727853,
  },
} as const;

describe('LinearModel on diabetes, against sklearn', () => {
  for (const [penalty, reference] of Object.entries(references)) {
    it(`penalty '${penalty}' gives sklearn's coefficients, intercept and R²`, () => {
      const model = new LinearModel(reference.options).fit(X, y);
      expect(closeTo(model.coef, reference.coef, 1e-6)).toBe(true);
      expect(model.intercept).toBeCloseTo(reference.intercept, 4);
      expect(model.score(X, y)).toBeCloseTo(reference.r2, 9);
    });
  }

  it("'l1' sets coefficients to exactly zero on standardized features (Lasso alpha=5)", () => {
    const model = new LinearModel({ penalty: 'l1', alpha: 5 }).fit(standardized(X), y);
    const expected = [
      0, -2.1554072082977127, 24.21564461658667, 10.331495700269755, 0, 0, -7.027194975237911, 0,
      21.229254837014167, 0,
    ];
    expect(closeTo(model.coef, expected, 1e-7)).toBe(true);
    expect(model.coef.filter((w) => w === 0)).toHaveLength(5);
    expect(model.intercept).toBeCloseTo(152.1334841628959, 8);
  });

  it('gives the least-norm solution when two columns are the same (numpy lstsq)', () => {
    // sklearn LinearRegression on [bmi, bmi]: coef [5.116563935050388, 5.116563935050387].
    const model = new LinearModel().fit(
      X.map((row) => [row[2], row[2]]),
      y,
    );
    expect(model.coef[0]).toBeCloseTo(5.116563935050388, 8);
    expect(model.coef[1]).toBeCloseTo(5.116563935050388, 8);
    expect(model.intercept).toBeCloseTo(-117.77336656656544, 6);
  });

  it('predicts intercept + coef · row', () => {
    const model = new LinearModel({ penalty: 'l2', alpha: 1 }).fit(X, y);
    const [first] = model.predict([X[0]]);
    expect(first).toBeCloseTo(
      model.intercept + model.coef.reduce((s, w, j) => s + w * X[0][j], 0),
      9,
    );
  });
});

describe('LinearModel input checks', () => {
  it('names the problem', () => {
    expect(() => new LinearModel({ penalty: 'lasso' as never })).toThrow(
      /penalty must be 'none', 'l2', 'l1', 'elasticnet'; got "lasso"/,
    );
    expect(() => new LinearModel({ alpha: -1 })).toThrow(/alpha must be a number >= 0/);
    expect(() => new LinearModel({ l1Ratio: 2 })).toThrow(/l1Ratio must be between 0 and 1/);
    const model = new LinearModel();
    expect(() => model.predict(X)).toThrow(/not fitted/);
    expect(() => model.fit(X, y.slice(1))).toThrow(
      /X and y must have the same number of rows, got 442 and 441/,
    );
    expect(() =>
      model.fit(
        [
          [1, NaN],
          [2, 3],
        ],
        [1, 2],
      ),
    ).toThrow(/X\[0\]\[1\] is missing \(NaN\)/);
    expect(() =>
      model.fit(
        [
          [1, 'male'],
          [2, 'female'],
        ] as never,
        [1, 2],
      ),
    ).toThrow(/X\[0\]\[1\] is the text "male": that column needs numbers/);
    expect(() => model.fit(X, [...y.slice(1), NaN])).toThrow(/y\[441\] is missing/);
    model.fit(X, y);
    expect(() => model.predict([[1, 2]])).toThrow(
      /X has 2 features but the model was fitted on 10/,
    );
  });
});

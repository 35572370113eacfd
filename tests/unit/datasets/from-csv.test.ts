// datasets.fromCsv: a learner's CSV into the dataset shape, with errors that name the row.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fromCsv } from '../../../src/lib/datasets';

describe('fromCsv', () => {
  it('predicts the last column by default and encodes text features', () => {
    const data = fromCsv(
      'height,sex,colour,kind\n1.5,male,red,a\n2.5,female,blue,b\n,male,green,a\n',
    );
    expect(data.name).toBe('my-data');
    expect(data.targetName).toBe('kind');
    expect(data.task).toBe('classification');
    expect(data.featureNames).toEqual([
      'height',
      'sex_male',
      'colour_blue',
      'colour_green',
      'colour_red',
    ]);
    expect(data.X).toEqual([
      [1.5, 1, 0, 0, 1],
      [2.5, 0, 1, 0, 0],
      [null, 1, 0, 1, 0],
    ]);
    expect(data.targetNames).toEqual(['a', 'b']);
    expect(data.y).toEqual([0, 1, 0]);
    expect(data.rows[2]).toEqual({ height: null, sex: 'male', colour: 'green', kind: 'a' });
    expect(data.description).toContain('"sex" is binary-encoded (female, male)');
  });

  it('takes a named target; guesses regression for many or fractional numbers', () => {
    const data = fromCsv('y,x\n1.5,1\n2.25,2\n3,3\n', { name: 'line', target: 'y' });
    expect(data.task).toBe('regression');
    expect(data.featureNames).toEqual(['x']);
    expect(data.y).toEqual([1.5, 2.25, 3]);
    expect(data.targetNames).toBeUndefined();
    const classes = fromCsv('x,survived\n1,0\n2,1\n3,1\n');
    expect(classes.task).toBe('classification');
    expect(classes.targetNames).toEqual(['0', '1']);
    expect(classes.y).toEqual([0, 1, 1]);
    expect(fromCsv('x,survived\n1,0\n2,1\n', { task: 'regression' }).y).toEqual([0, 1]);
  });

  it('leaves text columns with many distinct values (names) out of X, but in rows', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `person ${i},${i},${i % 2}`);
    const data = fromCsv(`name,age,label\n${lines.join('\n')}\n`);
    expect(data.featureNames).toEqual(['age']);
    expect(data.rows[3].name).toBe('person 3');
    expect(data.description).toContain('Not in X (too many distinct values): name');
  });

  it('names the row of a malformed line', () => {
    expect(() => fromCsv('a,b,c\n1,2,3\n4,5\n', { name: 'mine.csv' })).toThrow(
      'Could not read the CSV: mine.csv: row 3 has 2 fields, expected 3 (a, b, c)',
    );
    expect(() => fromCsv('a,b\n1,x\n2,\n', { target: 'b' })).toThrow(
      'my-data: row 3 has no "b" value',
    );
    expect(() => fromCsv('')).toThrow('the file is empty');
  });

  it('names the columns when the target does not exist', () => {
    expect(() => fromCsv('a,b\n1,2\n', { target: 'c' })).toThrow(
      'my-data: there is no column "c" to predict; the columns are a, b',
    );
  });

  it('has toTensors like a shipped dataset', () => {
    const data = fromCsv('x1,x2,y\n1,2,0\n3,4,1\n');
    const { X, y } = data.toTensors();
    expect(X.shape).toEqual([2, 2]);
    expect([...X.dataSync()]).toEqual([1, 2, 3, 4]);
    expect([...y.dataSync()]).toEqual([0, 1]);
    tf.dispose([X, y]);
  });
});

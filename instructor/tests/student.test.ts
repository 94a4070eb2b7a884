/**
 * tests/student.ts: a student's endless loop fails in seconds instead of freezing the run.
 */
import { callTimeoutSeconds, callWithTimeout, studentModule } from '../../tests/student';

function lossFunction(x: number[]): number {
  let sum = 0;
  // the classic slip: i-- for i++ (x[i] at a negative i is undefined, so sum becomes NaN forever)
  // eslint-disable-next-line for-direction -- deliberately wrong: this is the mistake under test
  for (let i = 0; i < x.length; i--) sum += i % 2;
  return sum;
}

describe('the time limit on calls to student code', () => {
  it('interrupts an endless loop and names the function', () => {
    const started = Date.now();
    expect(() => callWithTimeout('lossFunction', lossFunction, [[1, 2]], 0.2)).toThrow(/^lossFunction did not return within 0\.2 s — an endless loop\?/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not call a function again once it timed out', () => {
    const started = Date.now();
    expect(() => callWithTimeout('lossFunction', lossFunction, [[1, 2]], 0.2)).toThrow('It timed out in an earlier test, so it is not called again.');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("passes arguments, results and the student's own errors through unchanged", () => {
    const module = studentModule({ double: (v: number[]) => v.map((x) => 2 * x), fail: (): never => { throw new RangeError('mine'); }, FILE: 'exercises/x.ts' });
    const input = [1, 2];
    expect(module.double(input)).toEqual([2, 4]);
    expect(Array.isArray(module.double(input))).toBe(true);
    expect(() => module.fail()).toThrow(RangeError);
    expect(module.FILE).toBe('exercises/x.ts');
  });

  it('reads its limit from LAB_CALL_TIMEOUT (seconds), 3 s by default', () => {
    expect(callTimeoutSeconds({})).toBe(3);
    expect(callTimeoutSeconds({ LAB_CALL_TIMEOUT: '10' })).toBe(10);
    expect(callTimeoutSeconds({ LAB_CALL_TIMEOUT: '' })).toBe(3);
    expect(() => callTimeoutSeconds({ LAB_CALL_TIMEOUT: 'soon' })).toThrow('LAB_CALL_TIMEOUT must be seconds from 0.1 to 600, got "soon"');
    expect(() => callTimeoutSeconds({ LAB_CALL_TIMEOUT: '1e9' })).toThrow('from 0.1 to 600');
  });
});

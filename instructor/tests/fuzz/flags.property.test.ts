/**
 * Properties of the flag layer (course/cli/flags.ts), checked on generated input with fast-check:
 * whatever the arguments, parsing returns settings within their ranges or throws one UsageError,
 * never another error; numbers are decimal only; a flag given twice, in any spelling, is an error;
 * a boolean takes true or false only.
 */
import fc from 'fast-check';
import { UsageError } from '../../../course/cli/errors';
import { integerFlag, positiveFlag } from '../../../course/cli/flags';
import { MAX_BATCH_SIZE, MAX_EPOCHS, type LabSettings } from '../../../course/training/lab';
import { NEURON } from '../../../course/training/models/neuron';
import { parseSettings } from '../../../course/training/run';

const parse = (argv: string[]) => parseSettings(NEURON, argv);

/** Runs `f`; an error other than a UsageError fails the property. */
function usageErrorOr<R>(f: () => R): R | UsageError {
  try {
    return f();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
}

const NUMBER_FLAGS = ['--batch-size', '--learning-rate', '--epochs', '--seed'];
const BOOLEAN_FLAGS = ['--linearly-separable', '--no-linearly-separable', '--quiet', '--plots', '--no-plots'];
const STRING_FLAGS = ['--target', '--out', '--json'];

/** A token a careless user might type: flags (known, unknown, with =), numbers in many notations, words. */
const token = fc.oneof(
  fc.constantFrom(...NUMBER_FLAGS, ...BOOLEAN_FLAGS, ...STRING_FLAGS, '--bogus', '--', '-x', '--no-json', '--no-epochs'),
  fc.constantFrom('0', '1', '-1', '2.5', '1e3', '1e-3', '0x10', '0b1', 'NaN', 'Infinity', '', ' ', 'true', 'false', 'maybe', 'reference', 'nosuch'),
  fc.integer({ min: -10, max: 5000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.tuple(fc.constantFrom(...NUMBER_FLAGS, ...BOOLEAN_FLAGS, ...STRING_FLAGS), fc.string({ maxLength: 6 })).map(([flag, value]) => `${flag}=${value}`),
  fc.string({ maxLength: 8 }).filter((s) => !s.startsWith('-')), // (any -h or --h… would print the help and exit)
);

describe('the flag layer, on generated arguments', () => {
  it('returns settings within their ranges or throws a UsageError, never another error', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (argv) => {
        const result = usageErrorOr(() => parse(argv));
        if (result instanceof UsageError) {
          expect(result.message).not.toContain('\n');
          return;
        }
        const settings: LabSettings = result;
        expect(Number.isInteger(settings.batchSize) && settings.batchSize >= 1 && settings.batchSize <= MAX_BATCH_SIZE).toBe(true);
        expect(Number.isInteger(settings.epochs) && settings.epochs >= 1 && settings.epochs <= MAX_EPOCHS).toBe(true);
        expect(Number.isInteger(settings.seed) && settings.seed >= 0 && settings.seed <= 2 ** 32 - 1).toBe(true);
        expect(Number.isFinite(settings.learningRate) && settings.learningRate > 0).toBe(true);
        expect(typeof settings.quiet === 'boolean' && typeof settings.plots === 'boolean' && typeof settings.linearlySeparable === 'boolean').toBe(true);
        expect(typeof settings.out === 'string' && settings.out.trim() !== '').toBe(true);
        expect(settings.json === undefined || (typeof settings.json === 'string' && settings.json.trim() !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a whole number back exactly, in plain or exponent notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EPOCHS }), (n) => {
        expect(integerFlag('epochs', 1, MAX_EPOCHS)(String(n))).toBe(n);
        expect(parse(['--epochs', String(n)]).epochs).toBe(n);
      }),
    );
  });

  it('rejects hex, octal and binary notations of any number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom<[string, number]>(['0x', 16], ['0o', 8], ['0b', 2], ['0X', 16]), (n, [prefix, radix]) => {
        const text = `${prefix}${n.toString(radix)}`;
        expect(() => integerFlag('seed', 0, 2 ** 32 - 1)(text)).toThrow(UsageError);
        expect(() => positiveFlag('learning-rate')(text)).toThrow(UsageError);
      }),
    );
  });

  it('accepts any positive finite number written in decimal, and returns it', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(positiveFlag('learning-rate')(String(x))).toBe(x);
        expect(positiveFlag('learning-rate')(x.toExponential())).toBe(x); // the shortest exponent form is exact
      }),
    );
  });

  it('rejects any flag given twice, whatever the spellings and values', () => {
    const spell = (flag: string, value: string, equals: boolean) => (equals ? [`${flag}=${value}`] : [flag, value]);
    fc.assert(
      fc.property(fc.constantFrom(...NUMBER_FLAGS), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), fc.boolean(), (flag, a, b, eqA, eqB) => {
        expect(() => parse([...spell(flag, String(a), eqA), ...spell(flag, String(b), eqB)])).toThrow(/was given more than once/);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('linearly-separable', 'quiet', 'plots'), fc.constantFrom('', '=true', '=false'), fc.boolean(), (flag, value, negate) => {
        expect(() => parse([`--${flag}${value}`, `--${negate ? 'no-' : ''}${flag}`])).toThrow(/was given more than once/);
      }),
    );
  });

  it('takes true or false after a boolean flag\'s =, nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom('linearly-separable', 'quiet', 'plots'), fc.string().filter((v) => v !== 'true' && v !== 'false'), (flag, value) => {
        expect(() => parse([`--${flag}=${value}`])).toThrow(UsageError);
      }),
    );
  });
});

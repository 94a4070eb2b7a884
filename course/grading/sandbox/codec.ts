/**
 * The values that cross between the grader and the sandbox, as JSON. Both sides load this file
 * (the sandbox a transpiled copy), so it imports nothing: the matrix class is passed in, because
 * each side has its own copy of lib/matrix.
 *
 * Exact on purpose: numbers keep every bit (JSON's shortest round-trip form; NaN, ±Infinity and −0
 * are tagged), a Mat stays a Mat, and an object the call returns that is one of its arguments comes
 * back as a reference to the caller's own argument, so `expect(out).not.toBe(input)` still means
 * something. Functions cross only by name (the tests' own activations and costs).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface MatLike {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface MatClass {
  new (rows: number, cols: number, data?: Float64Array): MatLike;
}

/** Where an argument sits: [argument index, key, key, …]. */
export type Path = (string | number)[];

const MAX_DEPTH = 64;

function encodeNumber(v: number): Json {
  if (Number.isNaN(v)) return { $n: 'NaN' };
  if (v === Infinity) return { $n: 'Infinity' };
  if (v === -Infinity) return { $n: '-Infinity' };
  if (Object.is(v, -0)) return { $n: '-0' };
  return v;
}

function decodeNumber(tag: Json): number {
  if (tag === 'NaN') return NaN;
  if (tag === 'Infinity') return Infinity;
  if (tag === '-Infinity') return -Infinity;
  if (tag === '-0') return -0;
  throw new Error(`unknown number tag ${JSON.stringify(tag)}`);
}

export interface EncodeContext {
  Mat: MatClass;
  /** objects to send as references (the call's arguments) */
  refs?: Map<object, Path>;
  /** the name under which a function may cross */
  nameOf?: (fn: unknown) => string | undefined;
}

export function encode(value: unknown, context: EncodeContext, depth = 0): Json {
  if (depth > MAX_DEPTH) throw new Error('the value is nested too deeply to pass');
  if (typeof value === 'number') return encodeNumber(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return { $u: 0 };
  if (typeof value === 'function') {
    const name = context.nameOf?.(value);
    if (name === undefined) throw new Error('a function that is not one of the tests\' named functions cannot be passed');
    return { $fn: name };
  }
  if (typeof value !== 'object') throw new Error(`a ${typeof value} cannot be passed`);
  const ref = context.refs?.get(value);
  if (ref !== undefined) return { $ref: ref };
  const next = (v: unknown) => encode(v, context, depth + 1);
  if (value instanceof context.Mat) {
    const m = value as MatLike;
    return { $mat: [m.rows, m.cols, Array.from(m.data, encodeNumber)] };
  }
  if (value instanceof Float64Array) return { $f64: Array.from(value, encodeNumber) };
  if (Array.isArray(value)) return value.map(next);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) out[key] = next((value as Record<string, unknown>)[key]);
  return { $o: out };
}

export interface DecodeContext {
  Mat: MatClass;
  /** resolves a reference to one of the caller's arguments */
  resolveRef?: (path: Path) => unknown;
  /** a function by the name it crossed under */
  fnNamed?: (name: string) => unknown;
}

function isTagged(value: { [key: string]: Json }, tag: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === tag;
}

export function decode(value: Json, context: DecodeContext, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('the value is nested too deeply');
  if (value === null || typeof value !== 'object') return value;
  const next = (v: Json) => decode(v, context, depth + 1);
  if (Array.isArray(value)) return value.map(next);
  if (isTagged(value, '$n')) return decodeNumber(value.$n);
  if (isTagged(value, '$u')) return undefined;
  if (isTagged(value, '$f64')) return Float64Array.from((value.$f64 as Json[]).map((v) => Number(next(v))));
  if (isTagged(value, '$mat')) {
    const [rows, cols, data] = value.$mat as [number, number, Json[]];
    return new context.Mat(rows, cols, Float64Array.from(data.map((v) => Number(next(v)))));
  }
  if (isTagged(value, '$fn')) {
    const fn = context.fnNamed?.(String(value.$fn));
    if (fn === undefined) throw new Error(`no function named ${String(value.$fn)}`);
    return fn;
  }
  if (isTagged(value, '$ref')) {
    if (context.resolveRef === undefined) throw new Error('a reference where none is allowed');
    return context.resolveRef(value.$ref as Path);
  }
  if (isTagged(value, '$o')) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value.$o as { [key: string]: Json })) if (key !== '__proto__') out[key] = next(v);
    return out;
  }
  throw new Error('an untagged object');
}

/** Every array, Mat and typed array inside the arguments, with its path (the first path wins). */
export function argumentPaths(args: unknown[], Mat: MatClass): Map<object, Path> {
  const paths = new Map<object, Path>();
  const walk = (value: unknown, path: Path, depth: number) => {
    if (value === null || typeof value !== 'object' || paths.has(value) || depth > MAX_DEPTH) return;
    paths.set(value, path);
    if (value instanceof Mat || ArrayBuffer.isView(value)) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
  };
  args.forEach((a, i) => walk(a, [i], 0));
  return paths;
}

/**
 * The value at `path` inside the arguments. Only the paths argumentPaths issues are followed:
 * whole-number indices into arrays, ending at an array, a Mat or a typed array. Anything else (a
 * key such as __proto__ or constructor, a method, a primitive) is refused, so a reply cannot hand
 * the grader one of its own functions or prototypes.
 */
export function atPath(args: unknown[], path: Path): unknown {
  if (!Array.isArray(path) || path.length === 0) throw new Error('a reference to nothing');
  let value: unknown = args;
  for (const key of path) {
    if (!Array.isArray(value) || typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= value.length) throw new Error('a reference outside the arguments');
    value = value[key];
  }
  if (value === null || typeof value !== 'object' || !(Array.isArray(value) || ArrayBuffer.isView(value) || 'data' in value)) throw new Error('a reference to something that is not an argument array or matrix');
  return value;
}

/**
 * Makes the caller's argument `target` hold what the sandbox's copy held after the call (`after`,
 * decoded), in place: arrays element by element (and their length), matrices' data. So a function
 * that changes its input is seen to do so.
 */
export function writeBack(target: unknown, after: unknown, Mat: MatClass, depth = 0): void {
  if (depth > MAX_DEPTH || target === null || typeof target !== 'object') return;
  if (target instanceof Mat && after instanceof Mat) {
    if (after.data.length === target.data.length) target.data.set(after.data);
    return;
  }
  if (target instanceof Float64Array && after instanceof Float64Array && after.length === target.length) {
    target.set(after);
    return;
  }
  if (Array.isArray(target) && Array.isArray(after)) {
    after.forEach((v, i) => {
      const current: unknown = target[i];
      if (typeof current === 'function') return; // functions cross by name and cannot change
      if (current !== null && typeof current === 'object' && v !== null && typeof v === 'object') writeBack(current, v, Mat, depth + 1);
      else target[i] = v;
    });
    target.length = after.length;
  }
}

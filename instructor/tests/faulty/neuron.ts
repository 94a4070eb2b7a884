/**
 * A deliberately faulty exercises/neuron.ts for the grader's fault-isolation test: two functions
 * are right, and each of the others fails in its own way. The grader must finish, give the right
 * functions full points and the faulty ones 0.
 */
// staged beside exercises/ by the grader's test, so it imports nothing
type Vector = number[];
type Matrix = number[][];
const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));

/** Correct. */
export function evaluateNeuron(x: Matrix, w: Vector, b: number): [y: Vector, a: Vector] {
  const a = x.map((row) => row[0] * w[0] + row[1] * w[1] + b);
  return [a.map(sigmoid), a];
}

/** Correct, and floods the console while it works. */
export function derivativeOfSigmoid(a: Vector): Vector {
  for (let i = 0; i < 2000; i++) console.log('debug output '.repeat(50));
  return a.map((v) => sigmoid(v) * (1 - sigmoid(v)));
}

/** Never returns. */
export function lossFunction(_x: Matrix, _t: Vector, _w: Vector, _b: number): number {
  for (;;) {
    // spins forever
  }
}

/** Ends the process. */
export function updateWeights(_x: Matrix, _t: Vector, w: Vector, b: number, _learningRate: number): [w: Vector, b: number] {
  process.exit(3);
  return [w, b];
}

/** Allocates without bound. */
export function evaluatePrediction(_x: Matrix, _t: Vector, _w: Vector, _b: number): [prediction: Vector, accuracy: number] {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array<number>(1_000_000).fill(1));
}

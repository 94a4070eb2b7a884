/** Thrown by every exercise stub until the student implements it. */
export class NotImplementedError extends Error {
  constructor(
    readonly functionName: string,
    readonly file: string,
  ) {
    super(`${functionName} is not implemented yet: implement it in ${file}`);
    this.name = 'NotImplementedError';
  }
}

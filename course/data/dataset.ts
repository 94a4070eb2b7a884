/**
 * The lab's datasets: CSV files of two features and a 0/1 label, the train/validation split and the
 * mini-batch iterator (the lab's dataset.py). Every random choice uses the caller's RandomState, in
 * the order the lab fixes: shuffle the training rows once to split, then reshuffle per epoch.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataError } from '../cli/errors';
import { ensureWritableDirectory } from '../cli/flags';
import { writeFileAtomicSync } from '../cli/output';
import type { RandomState } from '../numpy/random';
import { range } from '../numpy/range';
import type { Labelled, Matrix, Vector } from '../../lib/types';

export const HEADER = ['x1', 'x2', 'label'] as const;
export const VALIDATION_SIZE = 1000;
export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

export type DatasetName = 'linearly-separable' | 'not-linearly-separable';

export function datasetFile(name: DatasetName, split: 'train' | 'test', dataDir = DATA_DIR): string {
  return path.join(dataDir, name, `${split}.csv`);
}

/** A decimal number as the lab's files hold it: no hex, no Infinity, no empty cell. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;

/** The rows of a CSV text, each with the line it ends on when `lines` is asked for (csv-parse's `info`, which doubles the parse time). */
function parseCsv(text: string, shown: string, lines: boolean): { record: string[]; line?: number }[] {
  try {
    if (!lines) return (parse(text, CSV_OPTIONS) as string[][]).map((record) => ({ record }));
    const records = parse(text, { ...CSV_OPTIONS, info: true }) as unknown as { record: string[]; info: { lines: number } }[]; // csv-parse's types ignore `info`
    return records.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    throw new DataError(`${shown}: not a valid CSV file (${(error as Error).message})`);
  }
}

/**
 * Reads and validates a `x1,x2,label` file; any problem is one DataError naming file and line (the
 * line in the file as an editor numbers it, blank lines included). A UTF-8 byte-order mark and
 * CRLF line ends are accepted. The file is parsed once without line numbers; only a file with a
 * problem is parsed again with them, to name the line.
 */
export function readLabelledCsv(file: string): Labelled {
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(file)) throw new DataError(`${shown}: file not found (run npm run make-datasets to create it)`);
  const text = readFileSync(file, 'utf8');
  try {
    return labelledRows(parseCsv(text, shown, false), shown);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return labelledRows(parseCsv(text, shown, true), shown); // the same problem, now with its line
  }
}

function labelledRows(records: { record: string[]; line?: number }[], shown: string): Labelled {
  const at = (line: number | undefined) => (line === undefined ? shown : `${shown}:${line}`);
  if (records.length === 0) throw new DataError(`${shown}: file is empty; expected the header ${HEADER.join(',')}`);
  const [{ record: header, line: headerLine }, ...body] = records;
  if (header.join(',') !== HEADER.join(',')) {
    throw new DataError(`${at(headerLine)}: header is "${header.join(',')}", expected "${HEADER.join(',')}"`);
  }
  if (body.length === 0) throw new DataError(`${shown}: no data rows after the header`);
  const x: Matrix = [];
  const t: Vector = [];
  for (const { record: row, line } of body) {
    if (row.length !== HEADER.length) {
      throw new DataError(`${at(line)}: expected ${HEADER.length} values, found ${row.length}`);
    }
    const values = row.map((cell, column) => {
      const value = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        throw new DataError(`${at(line)}: ${HEADER[column]} "${cell}" is not a finite number`);
      }
      return value;
    });
    if (values[2] !== 0 && values[2] !== 1) {
      throw new DataError(`${at(line)}: label ${row[2]} is not 0 or 1`);
    }
    x.push([values[0], values[1]]);
    t.push(values[2]);
  }
  return { x, t };
}

/**
 * Writes `x1,x2,label` rows; String(number) is the shortest form that reads back exactly. The
 * folder is made level by level (never a recursive mkdir, which hangs under /proc) and the file
 * is replaced atomically.
 */
export function writeLabelledCsv(file: string, { x, t }: Labelled): void {
  ensureWritableDirectory(path.dirname(file));
  const lines = x.map((row, i) => `${row[0]},${row[1]},${t[i]}`);
  writeFileAtomicSync(file, `${HEADER.join(',')}\n${lines.join('\n')}\n`);
}

function reorder({ x, t }: Labelled, order: number[]): Labelled {
  const reordered: Labelled = { x: new Array<number[]>(order.length), t: new Array<number>(order.length) };
  for (let k = 0; k < order.length; k++) {
    reordered.x[k] = x[order[k]];
    reordered.t[k] = t[order[k]];
  }
  return reordered;
}

/**
 * Mini-batches over a training set (the lab's Dataset class). When the next batch would run past
 * the end, the rows are reshuffled with the shared RandomState and the index starts again at 0.
 */
export class Dataset implements Labelled {
  private index = 0;
  x: Matrix;
  t: Vector;

  constructor(
    data: Labelled,
    private readonly rs: RandomState,
  ) {
    this.x = data.x;
    this.t = data.t;
  }

  get size(): number {
    return this.t.length;
  }

  getNextBatch(batchSize: number): Labelled {
    if (this.index + batchSize > this.size) {
      this.index = 0;
      const order = this.rs.shuffle(range(this.size));
      ({ x: this.x, t: this.t } = reorder(this, order));
    }
    const start = this.index;
    this.index += batchSize;
    return { x: this.x.slice(start, this.index), t: this.t.slice(start, this.index) };
  }

  /** True when the next batch would not fit: the epoch is over. */
  isEpochCompleted(batchSize: number): boolean {
    return this.index + batchSize > this.size;
  }
}

export interface LabData {
  train: Dataset;
  validation: Labelled;
  test: Labelled;
}

/** Shuffles the training rows once and holds out the first VALIDATION_SIZE as validation set. */
export function splitTrainValidation(trainRows: Labelled, test: Labelled, rs: RandomState): LabData {
  if (trainRows.t.length <= VALIDATION_SIZE) {
    throw new DataError(`the training file needs more than ${VALIDATION_SIZE} rows, it has ${trainRows.t.length}`);
  }
  const order = rs.shuffle(range(trainRows.t.length));
  const shuffled = reorder(trainRows, order);
  const validation = { x: shuffled.x.slice(0, VALIDATION_SIZE), t: shuffled.t.slice(0, VALIDATION_SIZE) };
  const train = new Dataset({ x: shuffled.x.slice(VALIDATION_SIZE), t: shuffled.t.slice(VALIDATION_SIZE) }, rs);
  return { train, validation, test };
}

/** Loads a named dataset and splits it, as step 1–2 of the lab's training scripts. */
export function loadLabData(name: DatasetName, rs: RandomState, dataDir = DATA_DIR): LabData {
  const train = readLabelledCsv(datasetFile(name, 'train', dataDir));
  const test = readLabelledCsv(datasetFile(name, 'test', dataDir));
  return splitTrainValidation(train, test, rs);
}

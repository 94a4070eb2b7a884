/**
 * A hint for one exercise function, in three levels: a nudge, the formula, the shapes.
 *   npm run hint -- updateWeights [--level 2]      npm run hint -- network.updateWeights
 */
import { hideBin } from 'yargs/helpers';
import { commandLine, integerOption, parseCommandLine, runMain } from '../course/cli/flags';
import { UsageError } from '../course/cli/errors';
import { exerciseName, loadExercises } from '../course/grading/exercises';
import { findExercise, stubLocation } from '../course/grading/progress';

const LEVELS = ['a nudge', 'the formula', 'the shapes'];

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run hint --', 'Prints the hints for one exercise function.\n\nUsage: $0 <function> [--level 1|2|3]')
      .command('$0 [function]', false, (y) => y.positional('function', { type: 'string', describe: 'e.g. updateWeights or network.updateWeights' }))
      .option('level', integerOption('level', 1, 3, 'how much to give away: 1 a nudge, 2 the formula, 3 the shapes', 1)),
  ) as { function?: string; level: number };
  const exercises = loadExercises();
  const functions = [...new Set(exercises.map((e) => e.function))].join(', ');
  if (argv.function === undefined) {
    throw new UsageError(`name a function: npm run hint -- updateWeights [--level 1|2|3] (or network.updateWeights); the functions: ${functions}`);
  }
  const { exercise, others } = findExercise(exercises, String(argv.function));
  if (!exercise) {
    throw new UsageError(`no exercise function "${String(argv.function)}"; the functions are: ${functions}`);
  }
  console.log(`${exerciseName(exercise)} (${stubLocation(exercise)})`);
  for (let level = 1; level <= argv.level; level++) console.log(`  hint ${level}, ${LEVELS[level - 1]}: ${exercise.hints[level - 1]}`);
  if (argv.level < 3) console.log(`  more: npm run hint -- ${exercise.module}.${exercise.function} --level ${argv.level + 1}`);
  for (const other of others) console.log(`  (also ${exerciseName(other)}: npm run hint -- ${other.module}.${other.function})`);
});

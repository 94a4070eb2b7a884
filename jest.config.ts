/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/**
 * Three projects, one jest run:
 * - `exercises`: the exercise suites against the student's code in exercises/ (`npm test`);
 * - `reference`: the very same suites against the instructor's solutions in reference/;
 * - `lib`: unit tests of the scaffolding in lib/ and scripts/.
 * The exercise suites import `@target/<module>`, which each project maps to its own folder. The
 * grader may point the exercises project at another folder with LAB_EXERCISES_DIR (an absolute path).
 * TypeScript is only transpiled here (fast); `npm run typecheck` type-checks once with tsc.
 */
const transform: Config['transform'] = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

function exerciseProject(target: 'exercises' | 'reference'): Config {
  return {
    displayName: target,
    testMatch: ['<rootDir>/tests/exercises/**/*.test.ts'],
    moduleNameMapper: { '^@target/(.*)$': `${target === 'exercises' && process.env.LAB_EXERCISES_DIR ? process.env.LAB_EXERCISES_DIR : `<rootDir>/${target}`}/$1` },
    transform,
  };
}

const config: Config = {
  projects: [
    exerciseProject('exercises'),
    exerciseProject('reference'),
    { displayName: 'lib', testMatch: ['<rootDir>/tests/lib/**/*.test.ts'], transform },
  ],
  testTimeout: 10_000,
};

export default config;

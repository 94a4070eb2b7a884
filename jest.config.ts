/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
import { register } from 'esbuild-register/dist/node';

// the reporter is TypeScript too, and jest loads reporters with a plain require
register({ target: 'node20' });

/**
 * Three projects, one jest run:
 * - `exercises`: the exercise suites against the student's code (`npm test`);
 * - `reference`: the very same suites against the instructor's solutions in reference/;
 * - `instructor`: the tests of the course machinery and the scripts, in instructor/tests/.
 * The exercise suites import `@target/<module>`, which each project maps to its own folder. The
 * `exercises` project tests exercises/ unless LAB_TARGET names another folder (course/targets.ts).
 * TypeScript is only transpiled here (fast); `npm run typecheck` type-checks once with tsc.
 */
const transform: Config['transform'] = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

function exerciseProject(target: 'exercises' | 'reference'): Config {
  const dir = target === 'exercises' && process.env.LAB_TARGET ? process.env.LAB_TARGET : `<rootDir>/${target}`;
  return {
    displayName: target,
    testMatch: ['<rootDir>/tests/exercises/**/*.test.ts'],
    moduleNameMapper: { '^@target/(.*)$': `${dir}/$1` },
    transform,
  };
}

const config: Config = {
  // jest's default output, with the student's type errors first and unstarted functions in one line
  reporters: [['<rootDir>/tests/reporter.ts', {}]],
  projects: [
    exerciseProject('exercises'),
    exerciseProject('reference'),
    { displayName: 'instructor', testMatch: ['<rootDir>/instructor/tests/**/*.test.ts'], transform },
  ],
  // jest's own limit is a backstop for asynchronous hangs; an endless loop in student code is
  // interrupted per call by tests/student.ts after LAB_CALL_TIMEOUT seconds (3 by default)
  testTimeout: Math.max(10, 3 * Number(process.env.LAB_CALL_TIMEOUT ?? 0)) * 1000 || 10_000,
};

export default config;

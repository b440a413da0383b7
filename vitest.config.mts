import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files (seconds each on the 2-core machine: browsers, LibreOffice,
 * spawned CLIs, the 10 MB corpus files), longest first. Vitest orders a run by the
 * durations of the last one; a fresh clone has none and ran the largest files first,
 * which left a slow small one (the locale test) running alone at the end.
 */
const SLOW_FIRST = [
  'tests/data/corpus.test.ts',
  'tests/browser/app.browser.test.ts',
  'tests/report/batch-xlsx.test.ts',
  'tests/browser/html.browser.test.ts',
  'tests/browser/app-batch.browser.test.ts',
  'tests/cli/batch.test.ts',
  'tests/browser/app.firefox.test.ts',
  'tests/browser/forecast.browser.test.ts',
  'tests/cli/monthly.test.ts',
  'tests/app/batch.test.ts',
  'tests/cli/output-files.test.ts',
  'tests/scripts/gen-national.test.ts',
  'tests/scheme/fuzz.test.ts',
  'tests/cli/cli.test.ts',
  'tests/cli/locale.test.ts',
];

/** Vitest's order when it has the last run's durations; else the files above first. */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId).split('\\').join('/');
    if (sorted.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${key(f)}`))) return sorted;
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(key(f));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, and
    // the files ran one after another while the other core waited. Two workers: many
    // tests wait on a child process (bin/pinggu.js, Chromium, LibreOffice) part of the time.
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one test file to the next: src/ and
    // exceljs were loaded again for each of the 94 files, about half the CPU of a run.
    // Tests restore what they change (spies, fake timers, process.env) in the file.
    isolate: false,
    testTimeout: 20000,
    hookTimeout: 20000,
    sequence: { sequencer: SlowFirst },
  },
});

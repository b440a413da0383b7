import { defineConfig } from 'vitest/config';

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
  },
});

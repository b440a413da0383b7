import type { Diagnostic, Msg } from './diagnostics';

/** Input that cannot be assessed: carries every finding, the CLI prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message.en).join('; '));
    this.name = 'InputError';
  }
}

/** A wrong command line: one message, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Msg) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** An output that could not be written (the disk full, no permission…): one line naming the file and the cause, exit 2. */
export class WriteError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    cause?: unknown,
  ) {
    super(diagnostic.message.en, { cause });
    this.name = 'WriteError';
  }
}

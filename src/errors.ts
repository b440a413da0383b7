import { findingText, type Finding } from './diagnostics';
import { say } from './messages/catalog';
import type { Text } from './messages/codes';

/** Input that cannot be assessed: carries every finding, the CLI prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Finding[]) {
    super(diagnostics.map((d) => findingText(d, 'en')).join('; '));
    this.name = 'InputError';
  }
}

/** A wrong command line: one message, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(say(text, 'en'));
    this.name = 'UsageError';
  }
}

/** An output that could not be written (the disk full, no permission…): one line naming the file and the cause, exit 2. */
export class WriteError extends Error {
  constructor(
    readonly diagnostic: Finding,
    cause?: unknown,
  ) {
    super(findingText(diagnostic, 'en'), { cause });
    this.name = 'WriteError';
  }
}

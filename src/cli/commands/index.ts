/** Every command, in the order `pinggu --help` lists them. */
import type { Command } from 'commander';
import type { CommandKit } from './flags';
import { scoreCommand } from './score';
import { checkCommand } from './check';
import { templateCommand } from './template';
import { explainCommand } from './explain';
import { planCommand } from './plan';
import { compareCommand } from './compare';
import { forecastCommand } from './forecast';
import { appCommand } from './app';
import { schemesCommand } from './schemes';
import { schemaCommand } from './schema';

export const COMMANDS: readonly ((p: Command, k: CommandKit) => void)[] = [
  scoreCommand,
  checkCommand,
  templateCommand,
  explainCommand,
  planCommand,
  compareCommand,
  forecastCommand,
  appCommand,
  schemesCommand,
  schemaCommand,
];

export type { CommandKit } from './flags';

import type { Command } from 'commander';
import type { AppContext } from './context.js';
import type { Translate } from '../i18n/index.js';

/** A row of the command table (command-table.ts), and what rows share. */
export interface CommandRow {
  /** commander's name; a subcommand's row sits in its parent's `subcommands`. */
  name: string;
  /** The command's module, imported when the command runs (never for `--help`). */
  load(): Promise<object>;
  /** Description, arguments and options; each value checked by a parser of options.ts. */
  declare(command: Command, t: Translate): void;
  /** Calls the loaded module with commander's arguments: the positional ones, then the options. */
  run(module: object, ctx: AppContext, args: unknown[]): Promise<void>;
  subcommands?: CommandRow[];
}

/**
 * One row, typed: `run` names the module's function and its arguments, checked against the module's
 * own signature; commander's arguments come in that order (it adds the Command last, ignored here).
 */
export function row<M extends object, A extends unknown[]>(spec: {
  name: string;
  load: () => Promise<M>;
  declare: (command: Command, t: Translate) => void;
  run: (module: M, ctx: AppContext, ...args: A) => Promise<void>;
  subcommands?: CommandRow[];
}): CommandRow {
  return {
    ...spec,
    run: (module, ctx, args) => spec.run(module as M, ctx, ...(args as A)),
  };
}

/** `-f, --file <path>`: the pitch a command reads, when not the default one. */
export const withFile = (command: Command, t: Translate) => command.option('-f, --file <path>', t('cli.opt.file'));

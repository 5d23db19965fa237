import { row, withFile } from './command-row.js';

/**
 * `pitch analyze`'s row of the command table (command-table.ts), in a module of its own: the quick
 * analyze script (quick-analyze.ts) runs it without bundling every other command.
 */
export const ANALYZE_ROW = row({
  name: 'analyze',
  load: () => import('./commands/analyze.js'),
  declare: (c, t) =>
    withFile(c, t)
      .description(t('cli.cmd.analyze'))
      .argument('<audio>', t('cli.arg.audioFile'))
      .option('-s, --section <section>', t('cli.opt.analyzeSection'))
      .option('--json', t('cli.opt.json')),
  run: (m, ctx, audio: string, opts: import('./commands/analyze.js').AnalyzeCommandOptions) =>
    m.analyzeCommand(ctx, audio, opts),
});

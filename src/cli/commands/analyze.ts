import { isAbsolute, relative, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { whileAnalysing } from '../wait.js';
import type { AnalyzeOptions } from '../../audio/metrics.js';
import type { RecordingAnalysis } from '../../audio/analyze-file.js';
import type { Attempt } from '../../rehearsal/types.js';
import { resolveSection } from './resolve-section.js';
import type { Section } from '../../pitch/model.js';
import { allBlocks, flattenSections } from '../../pitch/model.js';
import { countSyllables } from '../../pitch/syllables.js';

/** The section a recording is measured against, as the report names it. */
interface SectionView {
  id: string;
  number: string;
  title: string;
  words: number;
}

export interface AnalyzeCommandOptions {
  section?: string;
  json?: boolean;
  file?: string;
}

/**
 * `pitch analyze FILE [--section S] [--json]`: speaking time, pauses and pace of a recording.
 * A recording made by `pitch rehearse --record` gets its split times and words back from the history.
 */
export async function analyzeCommand(ctx: AppContext, audioFile: string, opts: AnalyzeCommandOptions): Promise<void> {
  // The analysis modules load while the history is looked up (file reads overlap their compiling).
  const analysisModule = import('../../audio/analyze-file.js');
  const options: AnalyzeOptions = {};
  let section: SectionView | null = null;
  let syllablesOf: ((id: string) => number | null) | null = null;
  if (opts.section !== undefined) {
    const pitch = await ctx.loadPitch(opts.file);
    const found = resolveSection(pitch, opts.section, ctx.t);
    section = { id: found.id, number: found.number, title: found.title, words: found.words };
    options.scriptWords = found.words;
    options.scriptSyllables = countSectionSyllables(found);
  }
  const attempt = await findRecordedAttempt(ctx, audioFile);
  if (attempt) {
    if (!section || section.id === attempt.sectionId) {
      // The rehearsed section's text, when the pitch still has it: what the measured syllables are checked against.
      syllablesOf = await sectionSyllables(ctx, opts.file);
    }
    options.splitEnds = attempt.recording.splitEnds;
    options.splitWords = attempt.splits.map((s) => s.words);
    options.splitTitles = attempt.splits.map((s) => s.title);
    options.clockStart = attempt.recording.clockStart;
    if (!section || section.id === attempt.sectionId) {
      options.scriptWords = attempt.words;
      options.scriptSyllables = syllablesOf?.(attempt.sectionId) ?? null;
      section ??= { id: attempt.sectionId, number: '', title: attempt.sectionTitle, words: attempt.words };
    }
  }
  const { analyzeAudioFile } = await analysisModule;
  const analysis = await whileAnalysing(ctx, audioFile, () => analyzeAudioFile(audioFile, options, ctx.env));
  if (opts.json) {
    ctx.print(JSON.stringify({ file: audioFile, section, ...analysis }, null, 2));
    return;
  }
  await printReport(ctx, analysis, { file: audioFile, section }, attempt);
}

/** The human report of an analysis. */
async function printReport(
  ctx: AppContext,
  analysis: RecordingAnalysis,
  view: { file: string; section: SectionView | null },
  attempt: RecordedAttempt | null,
): Promise<void> {
  const [{ renderAnalysis }, { statsFormat }, { useNumberFormat }] = await Promise.all([
    import('../../ui/render/analyze.js'),
    import('../stats-format.js'),
    import('../../ui/numbers.js'),
  ]);
  // Decimals from the language's pieces kept in the cache, not from a first Intl.NumberFormat (ui/numbers.ts).
  useNumberFormat(ctx.lang, statsFormat(await ctx.store(), ctx.lang, ctx.env));
  const date = attempt && (await import('../../ui/dates.js')).formatWhen(attempt.startedAt, ctx.now(), ctx.lang, ctx.t);
  ctx.print(renderAnalysis(analysis, { ...view, attemptDate: date }, ctx.width(), ctx.t, ctx.chalk, ctx.lang));
}

/** Syllables of a section's text, descendants included (the text its word count covers). */
function countSectionSyllables(section: Section): number {
  return countSyllables(
    allBlocks(section)
      .map((b) => b.text)
      .join(' '),
  );
}

/** A lookup from section id to syllables in the pitch, or null when the pitch cannot be read. */
async function sectionSyllables(
  ctx: AppContext,
  file: string | undefined,
): Promise<((id: string) => number | null) | null> {
  try {
    const sections = flattenSections((await ctx.loadPitch(file)).sections);
    return (id) => {
      const found = sections.find((s) => s.id === id);
      return found ? countSectionSyllables(found) : null;
    };
  } catch {
    return null;
  }
}

type RecordedAttempt = Attempt & { recording: { file: string; splitEnds: number[]; clockStart?: number } };

/** The rehearsal whose recording this is, when the file lies in $PITCH_HOME/recordings. */
async function findRecordedAttempt(ctx: AppContext, audioFile: string): Promise<RecordedAttempt | null> {
  const { dataHome } = await import('../../store/paths.js');
  const home = resolve(dataHome(ctx.env));
  const path = resolve(audioFile);
  const inside = relative(resolve(home, 'recordings'), path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  const [store, { historySpec }] = await Promise.all([ctx.store(), import('../../store/documents.js')]);
  const attempt = store
    .read(historySpec)
    .rehearsals.find((a) => a.recording && resolve(home, a.recording.file) === path);
  return attempt?.recording && Array.isArray(attempt.recording.splitEnds) ? (attempt as RecordedAttempt) : null;
}

import { resolve } from 'node:path';
import { BUNDLED_PITCH, type AppContext } from '../context.js';
import { resolveTopicIds, topicNames } from '../topics.js';
import { FOLLOW_UP_TOPIC, followUpsFor } from '../../interview/select.js';
import { flattenSections, type Pitch } from '../../pitch/model.js';
import { interrupted, usageError } from '../../core/errors.js';
import { defaultRehearsalSection } from '../../pitch/lookup.js';
import type { PromptLevel } from '../../rehearsal/cues.js';
import type { Topic } from '../../quiz/types.js';
import { runInterview, type InterviewOptions as RunOptions } from '../../runners/interview.js';
import { DEFAULT_ANSWER_SECONDS } from '../../interview/state.js';
import type { RecorderInfo } from '../../audio/recorder.js';
import type { Speaker } from '../../audio/speak.js';
import { loadQuestionBank } from '../question-bank.js';
import { interviewPorts, pitchIdentity } from '../ports.js';
import { interviewScreen } from '../screens.js';

export interface InterviewOptions {
  file?: string;
  /** Checked by the option parsers (src/cli/options.ts): a count, seconds, a cue level. */
  questions?: number;
  answerTime?: number;
  topics?: string;
  prompt?: PromptLevel | 'auto';
  speak?: boolean;
  pitch?: boolean;
  countdown?: boolean;
  record?: boolean;
}

const DEFAULT_QUESTIONS = 5;
/** Topics that are not "the stack": behavioural questions close the interview, agile is left to the quiz. */
/** Follow-ups on the pitch are asked right after it, not drawn as a stack topic. */
const NOT_STACK = new Set(['behavioral', 'agile', 'pitch', FOLLOW_UP_TOPIC]);

export async function interviewCommand(
  ctx: AppContext,
  opts: InterviewOptions,
  deps: { rng?: () => number } = {},
): Promise<void> {
  const rng = deps.rng ?? Math.random;
  const count = opts.questions ?? DEFAULT_QUESTIONS;
  const answerSeconds = opts.answerTime ?? DEFAULT_ANSWER_SECONDS;
  const withPitch = opts.pitch !== false;

  const bank = await loadQuestionBank(ctx, { quiet: true });
  const { stack, behavioral } = chooseTopics(bank.topics, opts.topics);
  const speaker = opts.speak ? (await import('../../audio/speak.js')).findSpeaker(ctx.env) : null;
  const recorder = opts.record ? (await import('../../audio/recorder.js')).requireRecorder(ctx.env) : null;
  const pitch = withPitch ? await ctx.loadPitch(opts.file) : null;
  const section = pitch ? defaultRehearsalSection(pitch.sections) : undefined;
  if (pitch && !section) throw usageError('rehearse.noDefault', {}, 'rehearse.noDefaultHint');

  if (!ctx.isInteractive()) throw usageError('usage.needsTty', { command: 'interview' }, 'usage.needsTtyHint');
  const voice = await checkDevices(ctx, recorder, speaker);

  const store = await ctx.store();
  const titles = new Map(bank.topics.map((tp) => [tp.id, tp.title]));
  const { createPrompts } = await import('../../ui/prompts.js');
  const screen = interviewScreen(ctx, store, createPrompts({ t: ctx.t, chalk: ctx.chalk }), titles);
  const followUps = pitch && section ? chooseFollowUps(bank.topics, stack, pitch, opts.topics) : [];
  if (section) ctx.print(await (await import('../pitch-file.js')).pitchHeader(ctx, opts.file));
  const result = await runInterview(interviewPorts(ctx, store, { screen, recorder, speaker: voice, rng }), {
    stack,
    behavioral,
    followUps,
    count,
    answerSeconds,
    pitch: pitch && section ? pitchPart(pitch, section, opts) : null,
  });
  if (result.aborted) throw interrupted(result.signal);
}

/** The pitch part: the default section, rehearsed as `pitch rehearse` would (same file identity and language). */
function pitchPart(
  pitch: Pitch,
  section: NonNullable<RunOptions['pitch']>['section'],
  opts: InterviewOptions,
): RunOptions['pitch'] {
  return {
    section,
    prompt: opts.prompt ?? 'auto',
    countdownMs: opts.countdown === false ? 0 : 3000,
    identity: pitchIdentity(pitch),
    lang: pitch.lang,
  };
}

/**
 * The microphone and the speakers are tried now, before the pitch, not after it when it is too late: no
 * microphone is a usage error naming the problem; no audio output is said, and the questions are only shown.
 */
async function checkDevices(
  ctx: AppContext,
  recorder: RecorderInfo | null,
  speaker: Speaker | null,
): Promise<Speaker | null> {
  if (recorder) await (await import('../../audio/recorder.js')).probeRecorder(recorder);
  if (speaker && !(await import('../../audio/speak.js')).canSpeakAloud(speaker, ctx.env)) {
    ctx.warn(ctx.chalkErr.yellow(ctx.t('interview.noAudioOutput')));
    return null;
  }
  return speaker;
}

/**
 * Follow-ups on the pitch come right after it: by default, or when --topics names them. Named with other
 * topics, they are asked as follow-ups only (taken out of `stack`); named alone, they fill the interview.
 */
function chooseFollowUps(topics: readonly Topic[], stack: Topic[], pitch: Pitch, option: string | undefined) {
  const followUpTopic = topics.find((tp) => tp.id === FOLLOW_UP_TOPIC);
  const asked = option === undefined || (followUpTopic !== undefined && stack.includes(followUpTopic));
  if (!asked) return [];
  const followUps = followUpsFor(
    followUpTopic,
    new Set(flattenSections(pitch.sections).map((s) => s.number)),
    resolve(pitch.file) === BUNDLED_PITCH,
  );
  const named = followUpTopic ? stack.indexOf(followUpTopic) : -1;
  if (followUps.length && named >= 0 && stack.length > 1) stack.splice(named, 1);
  return followUps;
}

/** --topics → the topics asked and the behavioural topic that closes (default: every stack topic, plus one behavioural question). */
function chooseTopics(
  topics: readonly Topic[],
  option: string | undefined,
): { stack: Topic[]; behavioral: Topic | null } {
  const behavioral = topics.find((tp) => tp.id === 'behavioral') ?? null;
  if (option === undefined) return { stack: topics.filter((tp) => !NOT_STACK.has(tp.id)), behavioral };
  const byId = new Map(topics.map((tp) => [tp.id, tp]));
  const stack = resolveTopicIds(topics, topicNames(option)).map((id) => byId.get(id)!);
  // Named topics only. Behavioural ones, when named, close the interview — or are all of it when alone.
  const technical = stack.filter((tp) => tp.id !== 'behavioral');
  if (!technical.length) return { stack, behavioral: null };
  return { stack: technical, behavioral: technical.length < stack.length ? behavioral : null };
}

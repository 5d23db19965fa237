import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { BUNDLED_PITCH, resolvedPath, type AppContext } from './context.js';
import type { Pitch } from '../pitch/model.js';
import { identityOf, type PitchIdentity } from '../rehearsal/identity.js';
import type { Store } from '../store/store.js';
import { historySpec } from '../store/documents.js';
import { appendRehearsal, confirmRehearsal } from '../store/history-edits.js';
import { applyReview } from '../quiz/schedule.js';
import type { RecorderInfo } from '../audio/recorder.js';
import type { Speaker } from '../audio/speak.js';
import type { ClockPorts } from '../runners/ports.js';
import type { RehearsalPorts } from '../runners/rehearsal.js';
import type { InterviewPorts, InterviewScreen } from '../runners/interview.js';
import type { RecorderPort } from '../runners/take.js';
import { rehearsalScreen } from './screens.js';
import { withSpinner } from '../ui/spinner.js';
import { whileAnalysing } from './wait.js';

/** The identity of a loaded pitch; records without one belong to the bundled pitch (rehearsal/identity.ts). */
export function pitchIdentity(pitch: Pitch): PitchIdentity | null {
  return identityOf(pitch, resolvedPath(BUNDLED_PITCH));
}

/** The real clock and random source. */
export function clockPorts(ctx: AppContext, rng: () => number = Math.random): ClockPorts {
  return { clock: () => performance.now(), now: ctx.now, rng };
}

/** The runner's view of the microphone: sox/arecord/ffmpeg into the store's recordings/. */
export function recorderPort(ctx: AppContext, store: Store, info: RecorderInfo): RecorderPort {
  return {
    async start(file) {
      const audio = await import('../audio/recorder.js');
      const recording = await withSpinner(
        ctx.stderr,
        ctx.t('wait.recorder'),
        () => audio.startRecording(info, store.path(file)),
        { colour: ctx.chalkErr.level > 0 },
      );
      const unregister = audio.stopOnExit(recording);
      return {
        file,
        async stop() {
          const result = await recording.stop();
          unregister();
          return { secondsAt: (ms: number) => audio.recordingSeconds(result, ms) };
        },
      };
    },
    async analyse(file, options) {
      const { analyzeAudioFile } = await import('../audio/analyze-file.js');
      const path = store.path(file);
      return whileAnalysing(ctx, path, () => analyzeAudioFile(path, options, ctx.env));
    },
    remove: (file) => store.remove(file),
  };
}

export function rehearsalPorts(ctx: AppContext, store: Store, recorder: RecorderInfo | null): RehearsalPorts {
  return {
    ...clockPorts(ctx),
    screen: rehearsalScreen(ctx, store),
    history: {
      rehearsals: () => store.read(historySpec).rehearsals,
      add: (attempt) => appendRehearsal(store, attempt),
      confirm: (id) => {
        confirmRehearsal(store, id);
        return store.read(historySpec).rehearsals;
      },
    },
    recorder: recorder ? recorderPort(ctx, store, recorder) : null,
  };
}

export function interviewPorts(
  ctx: AppContext,
  store: Store,
  o: { screen: InterviewScreen; recorder: RecorderInfo | null; speaker: Speaker | null; rng: () => number },
): InterviewPorts {
  const { speaker } = o;
  return {
    ...clockPorts(ctx, o.rng),
    screen: o.screen,
    rehearsal: rehearsalPorts(ctx, store, o.recorder),
    cards: {
      read: () => store.readCards(),
      review: (input) => void store.updateCards((state) => applyReview(state, input)),
    },
    interviews: { add: (record) => void store.update(historySpec, (doc) => void doc.interviews.push(record)) },
    recorder: o.recorder ? recorderPort(ctx, store, o.recorder) : null,
    speak: speaker ? async (text) => (await import('../audio/speak.js')).speak(speaker, text, ctx.lang) : null,
    newId: () => randomUUID(),
  };
}

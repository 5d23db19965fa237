import type { OutStream } from './streams.js';

export interface SpinnerOptions {
  /**
   * Wait this long before showing anything (and before loading ora, ~70 ms to import): a wait that ends
   * sooner shows nothing. 0 shows it at once — for work that keeps the event loop busy, which would
   * never let a delayed spinner start. Infinity: no spinner.
   */
  delayMs?: number;
  /** False under NO_COLOR: ora colours its spinner with chalk's own defaults, which do not read NO_COLOR. */
  colour?: boolean;
}

/**
 * Runs `work` with a spinner and `text` on `stream` (stderr) while the user waits. Only on a terminal:
 * piped or redirected output, and CI, never see a spinner.
 */
export async function withSpinner<T>(
  stream: OutStream,
  text: string,
  work: () => Promise<T>,
  options: SpinnerOptions = {},
): Promise<T> {
  const delay = options.delayMs ?? 300;
  if (!stream.isTTY || !Number.isFinite(delay)) return work();
  let spinner: { stop(): unknown } | null = null;
  let done = false;
  const show = async () => {
    const { default: ora } = await import('ora');
    // discardStdin: false — ora would otherwise take over stdin, which the live screen and prompts own.
    if (!done) {
      const color = options.colour === false ? false : 'cyan';
      spinner = ora({ text, stream: stream as NodeJS.WriteStream, discardStdin: false, color }).start();
    }
  };
  let timer: NodeJS.Timeout | undefined;
  if (delay > 0) timer = setTimeout(() => void show().catch(() => {}), delay);
  else await show().catch(() => {});
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
    (spinner as { stop(): unknown } | null)?.stop();
  }
}

/**
 * The cue levels on their own, so option parsing (src/cli/options.ts, loaded by every command) does
 * not pull in the cue generator and, through it, the Markdown parser.
 */

/** How much of the script the live screen shows, from most help to least. */
export type PromptLevel = 'full' | 'cues' | 'initials' | 'none';
export const PROMPT_LEVELS: readonly PromptLevel[] = ['full', 'cues', 'initials', 'none'];

/** Messages of `pitch quiz`. */
export const quiz = {
  'cli.cmd.quiz': { fr: 'questions sur la stack, notées et planifiées par répétition espacée', en: 'drills on the stack, graded and scheduled by spaced repetition' },
} satisfies Record<string, { fr: string; en: string }>;

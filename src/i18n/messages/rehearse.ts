/** Messages of `pitch rehearse`. */
export const rehearse = {
  'cli.cmd.rehearse': { fr: 'répétez le pitch à voix haute contre un chronomètre à étapes', en: 'rehearse the pitch aloud against a split timer' },
} satisfies Record<string, { fr: string; en: string }>;

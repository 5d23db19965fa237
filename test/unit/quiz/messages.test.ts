import { describe, expect, it } from 'vitest';
import { quiz } from '../../../src/i18n/messages/quiz.js';

// A plural `{n, plural, one {…} other {…}}` counts as the placeholder `{n}`.
const placeholders = (text: string) =>
  [
    ...new Set(
      [...text.replace(/\{(\w+), plural,(?:\s*\w+\s*\{[^{}]*\})+\s*\}/g, '{$1}').matchAll(/\{(\w+)\}/g)].map(
        (m) => m[1],
      ),
    ),
  ].sort();

describe('quiz messages', () => {
  it.each(Object.entries(quiz))(
    '%s: French and English take the same placeholders, neither is empty',
    (_key, { fr, en }) => {
      expect(fr.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(placeholders(fr)).toEqual(placeholders(en));
    },
  );
});

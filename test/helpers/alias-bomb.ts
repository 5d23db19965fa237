/**
 * A question pack holding a YAML alias bomb ("billion laughs"): 10 levels of 10 aliases, 10¹⁰ nodes once
 * expanded, from about 700 bytes. A reader without alias caps hangs or runs out of memory on it.
 */
export function aliasBomb(topic: string): string {
  const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 10; i++)
    levels.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `topic: ${topic}\ntitle: Bombe\n${levels.join('\n')}\nquestions:\n  - id: ${topic}-1\n    kind: flash\n    difficulty: 1\n    prompt: "Un ?"\n    modelAnswer: "Oui."\n`;
}

import type { StoredCard } from './types.js';

/**
 * A question's card, if it has one. Question ids are user data: `constructor`, `toString` or `__proto__`
 * must read as ids, not as what every object inherits, so only own properties count.
 */
export function cardOf(cards: Readonly<Record<string, StoredCard>>, id: string): StoredCard | undefined {
  return Object.hasOwn(cards, id) ? cards[id] : undefined;
}

/** Sets a question's card as an own property (a plain assignment to `__proto__` would change the prototype). */
export function setCard(cards: Record<string, StoredCard>, id: string, card: StoredCard): void {
  Object.defineProperty(cards, id, { value: card, enumerable: true, writable: true, configurable: true });
}

import type { MessageKey, Params, Translate } from '../i18n/index.js';

/**
 * Commander words its usage errors in English, and puts "(Did you mean …?)" on a second line.
 * The common ones become one sentence in the user's language, the suggestion becomes the hint.
 */
const KNOWN: Record<string, { pattern: RegExp; key: MessageKey; params: (m: RegExpExecArray) => Params }> = {
  'commander.unknownOption': {
    pattern: /unknown option '(.*?)'/,
    key: 'usage.unknownOption',
    params: (m) => ({ option: m[1]! }),
  },
  'commander.unknownCommand': {
    pattern: /unknown command '(.*?)'/,
    key: 'usage.unknownCommand',
    params: (m) => ({ command: m[1]! }),
  },
  'commander.missingArgument': {
    pattern: /missing required argument '(.*?)'/,
    key: 'usage.missingArgument',
    params: (m) => ({ argument: m[1]! }),
  },
  'commander.optionMissingArgument': {
    pattern: /option '(.*?)' argument missing/,
    key: 'usage.optionMissingArgument',
    params: (m) => ({ option: m[1]! }),
  },
  'commander.excessArguments': {
    pattern: /too many arguments(?: for '(.*?)')?\. Expected (\d+) argument/,
    key: 'usage.excessArguments',
    params: (m) => ({ command: m[1] ? `pitch ${m[1]}` : 'pitch', max: m[2]! }),
  },
};

/** The sentence and hint for a commander usage error; unknown kinds keep commander's own text. */
export function describeCommanderError(t: Translate, code: string, message: string): { message: string; hint: string } {
  const text = message.replace(/^error:\s*/, '');
  const suggestion = /\n\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(text);
  const sentence = suggestion ? text.slice(0, suggestion.index) : text;
  const hint = suggestion ? t('usage.didYouMean', { list: suggestion[1]! }) : t('usage.helpHint');
  const known = KNOWN[code];
  const match = known?.pattern.exec(sentence);
  return { message: known && match ? t(known.key, known.params(match)) : sentence.trim(), hint };
}

import { describe, expect, it } from 'vitest';
import { datelineEnd, normaliseText } from '../../src/core/text.js';

const rest = (s: string): string => {
  const n = normaliseText(s);
  return n.slice(datelineEnd(n));
};

describe('wire datelines', () => {
  it.each([
    ['BEIJING, May 15 (Xinhua) -- The talks went on.', 'The talks went on.'],
    ['Pyongyang, November 19 (KCNA) -- The drill was staged.', 'The drill was staged.'],
    ['NEW DELHI (AP) \u2014 Officials held talks on Friday.', 'Officials held talks on Friday.'],
    ['SEOUL (THE KOREA HERALD/ASIA NEWS NETWORK) - The Joint Chiefs said so.', 'The Joint Chiefs said so.'],
    ['KYIV, Ukraine, Dec. 3 \u2013 Air raid sirens sounded.', 'Air raid sirens sounded.'],
    ['WASHINGTON, Sept. 21, 2024 (Reuters) - The vote passed.', 'The vote passed.'],
    ['MOSCOW (Sputnik) - US sanctions were announced.', 'US sanctions were announced.'],
    ['TEHRAN - Russian Foreign Minister Sergey Lavrov has said so.', 'Russian Foreign Minister Sergey Lavrov has said so.'],
    ['UNITED NATIONS \u2014 The General Assembly backed the text.', 'The General Assembly backed the text.'],
    ['WASHINGTON \u2014 (AP) \u2014 President Donald Trump said so.', 'President Donald Trump said so.'],
  ])('reads past the dateline of %j', (text, after) => {
    expect(rest(text)).toBe(after);
  });

  it.each([
    'NATO - the alliance - met in Brussels.',
    'EU - China summit opens in Brussels.',
    'Moscow - and Beijing - objected.',
    'Russia - and not only Russia - objected.',
    'China, Russia and Iran met on Monday.',
    'The United States (US) - a founding member - stayed away.',
    'On May 15 (a Monday) - the talks resumed.',
  ])('leaves a sentence without a dateline whole: %j', (text) => {
    expect(datelineEnd(normaliseText(text))).toBe(0);
  });

  it('a dateline with nothing after it is left as it is', () => {
    expect(datelineEnd('BEIJING, May 15 (Xinhua) -- ')).toBe(0);
  });
});

// The headline counts once: a body that repeats it as its first line (full-text extraction, many feeds) or
// is nothing but the headline (a feed item whose description is its title) does not weigh it twice.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { headlineAndBody } from '../../src/core/text.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const TITLE = 'NATO is a reckless and dangerous bloc';
const BODY = 'Ministers met in Brussels on Tuesday.\nThe talks on the budget went on into the night.';

describe('headline and body', () => {
  it('joins them, the headline first', () => {
    expect(headlineAndBody(TITLE, BODY)).toBe(`${TITLE}\n${BODY}`);
    expect(headlineAndBody(undefined, BODY)).toBe(BODY);
    expect(headlineAndBody('  ', BODY)).toBe(BODY);
    expect(headlineAndBody(TITLE, '')).toBe(TITLE);
  });

  it('drops a first line that repeats the headline (case and spacing aside), and nothing else', () => {
    expect(headlineAndBody(TITLE, `${TITLE}\n${BODY}`)).toBe(`${TITLE}\n${BODY}`);
    expect(headlineAndBody(TITLE, `  ${TITLE.toUpperCase()} \n\n${BODY}`)).toBe(`${TITLE}\n${BODY}`);
    expect(headlineAndBody(TITLE, TITLE)).toBe(TITLE);
    // The same words opening a longer first line are the body's own sentence, kept.
    expect(headlineAndBody(TITLE, `${TITLE}, officials said.\n${BODY}`)).toBe(`${TITLE}\n${TITLE}, officials said.\n${BODY}`);
  });

  it('the analysis reads a repeated headline once: same sentences and stance as without the repeat', () => {
    const once = analyser.stances({ title: TITLE, text: BODY });
    const repeated = analyser.stances({ title: TITLE, text: `${TITLE}\n\n${BODY}` });
    expect(repeated.map((s) => s.sentence)).toEqual(once.map((s) => s.sentence));
    expect(repeated.filter((s) => s.sentence === TITLE)).toHaveLength(1);
    expect(analyser.analyse({ title: TITLE, text: `${TITLE}\n${BODY}` }).actors).toEqual(analyser.analyse({ title: TITLE, text: BODY }).actors);
    expect(analyser.stances({ title: TITLE, text: TITLE })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { rankAggregates, evaluateAggregate } from '../../src/eval/aggregate-select.js';
import { articleScore } from '../../src/core/aggregate.js';
import { parseCsv, parsePersent, personActor } from '../../src/eval/persent.js';

describe('PerSenT CSV', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });

  it('reads title, target, document and gold label by column name', () => {
    const csv = 'DOCUMENT_INDEX,TITLE,TARGET_ENTITY,DOCUMENT,TRUE_SENTIMENT\n1,T,Ann Lee,"Ann Lee won, again.",Positive\n';
    const docs = parsePersent(csv);
    expect(docs.ok && docs.value).toEqual([{ title: 'T', text: 'Ann Lee won, again.', target: 'Ann Lee', gold: 'positive' }]);
  });

  it('reports a missing column or an unknown label as an error value', () => {
    expect(parsePersent('TITLE,DOCUMENT\nx,y\n').ok).toBe(false);
    expect(parsePersent('TITLE,TARGET_ENTITY,DOCUMENT,TRUE_SENTIMENT\nx,A,y,Mixed\n').ok).toBe(false);
  });

  it('makes the main person an actor known by full name and surname', () => {
    expect(personActor('Benjamin Koellmann', true).aliases).toEqual(['Benjamin Koellmann', 'Koellmann']);
    expect(personActor('Benjamin Koellmann', false).aliases).toEqual(['Benjamin Koellmann']);
    expect(personActor('Madonna', true).aliases).toEqual(['Madonna']);
  });
});

describe('aggregation choice', () => {
  it('shrinks the article score toward 0 with the prior', () => {
    expect(articleScore([0.6, 0.3], 0)).toBeCloseTo(0.45);
    expect(articleScore([0.6, 0.3], 1)).toBeCloseTo(0.3);
    expect(articleScore([], 1)).toBe(0);
  });

  it('ranks the grid by macro-F1 on labelled documents', () => {
    const docs = [
      { scores: [0.5], gold: 'positive' as const },
      { scores: [0.1], gold: 'neutral' as const },
      { scores: [-0.5], gold: 'negative' as const },
    ];
    expect(evaluateAggregate(docs, 0, 0.2).macroF1).toBe(1);
    expect(evaluateAggregate(docs, 0, 0.05).macroF1).toBeLessThan(1);
    const best = rankAggregates(docs, [0, 10], [0.05, 0.2])[0];
    expect(best).toMatchObject({ prior: 0, threshold: 0.2, macroF1: 1 });
  });
});

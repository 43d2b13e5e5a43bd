#!/usr/bin/env python3
"""Agreement between the first labels (sentences.jsonl, articles.jsonl) and the blind second labeller
(second-labeller.*.jsonl, a 10 % sample of the articles): raw agreement and Cohen's kappa for the author label,
the presence of a voice, the voice label (where both gave one) and the article labels.
Run: python3 datasets/indomain-train/agreement.py [datasets/indomain-check] (this folder, or the set named)."""
import json, os, sys
from collections import Counter
here = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
load = lambda name: [json.loads(l) for l in open(os.path.join(here, name), encoding='utf-8') if l.strip()]
first = {(s['article'], s['sentence'], s['actor']): s for s in load('sentences.jsonl')}
docs = {a['id']: a['doc_labels'] for a in load('articles.jsonl')}
def kappa(pairs):
    n = len(pairs); po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return n, po, (po - pe) / (1 - pe) if pe < 1 else 1.0
author, present, voice = [], [], []
for r in load('second-labeller.sentences.jsonl'):
    f = first[(r['article'], r['sentence'], r['actor'])]
    author.append((f['label'], r['label'])); present.append((bool(f.get('voice')), bool(r.get('voice'))))
    if f.get('voice') and r.get('voice'): voice.append((f['voice']['label'], r['voice']['label']))
doc = [(docs[d['article']][k], v) for d in load('second-labeller.articles.jsonl') for k, v in d['doc_labels'].items() if k in docs[d['article']]]
for name, pairs in (('author label', author), ('voice present', present), ('voice label', voice), ('article label', doc)):
    n, po, k = kappa(pairs)
    print(f'{name:14} n {n:4}  agreement {po:.3f}  kappa {k:.3f}')

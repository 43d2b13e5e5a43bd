#!/usr/bin/env python3
"""Merges the labelling batches (parts/*.articles.jsonl, parts/*.sentences.jsonl) into articles.jsonl and
sentences.jsonl, and checks them: JSON, canonical actor names, labels in {-1,0,1}, mention inside its sentence,
every sentence actor with a doc label, no duplicate (sentence, actor) per article, unique ids, no URL of the shared
dev set, no URL of the other in-domain set, and no reserved URL (../shared/reserved/check-urls). Prints the composition.
Run from anywhere: python3 datasets/indomain-train/check.py [datasets/indomain-check]"""
import glob, json, os, subprocess, sys
from collections import Counter
script = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(script, '..', '..', '..', 'shared')
# The set to merge and check: this folder, or the one named (datasets/indomain-check: labelled the same way, never
# trained on). A URL may be in only one of the two.
here = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else script
other = os.path.join(script, '..', 'indomain-check') if here == script else script
ACTORS = {'NATO', 'United States', 'China', 'Russia', 'European Union', 'Ukraine', 'Taiwan', 'Japan', 'India', 'ASEAN',
          'the West', 'United Nations', 'United Kingdom', 'Germany', 'France', 'Iran', 'Israel', 'Philippines',
          'North Korea', 'South Korea', 'Turkey', 'Georgia', 'Xi Jinping', 'Vladimir Putin', 'Joe Biden', 'Donald Trump',
          'Volodymyr Zelensky'}
def rows(pattern):
    out = []
    for path in sorted(glob.glob(os.path.join(here, 'parts', pattern))):
        out += [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    return out
articles, sentences = rows('*.articles.jsonl'), rows('*.sentences.jsonl')
errors = []
ids = Counter(a['id'] for a in articles)
errors += [f'duplicate article id {i}' for i, n in ids.items() if n > 1]
by_id = {a['id']: a for a in articles}
for a in articles:
    errors += [f"{a['id']}: unknown actor {k}" for k in a['doc_labels'] if k not in ACTORS]
    errors += [f"{a['id']}: bad label" for v in a['doc_labels'].values() if v not in (-1, 0, 1)]
    if 'text' in a: errors.append(f"{a['id']}: article text must not be stored")
seen = set()
for s in sentences:
    a = by_id.get(s['article'])
    if a is None: errors.append(f"unknown article {s['article']}"); continue
    if s['actor'] not in ACTORS: errors.append(f"{s['article']}: unknown actor {s['actor']}")
    if s['label'] not in (-1, 0, 1): errors.append(f"{s['article']}: bad label")
    if s['mention'] not in s['sentence']: errors.append(f"{s['article']}: mention {s['mention']!r} not in sentence")
    if s['actor'] not in a['doc_labels']: errors.append(f"{s['article']}: {s['actor']} has no doc label")
    if s.get('url') not in (None, a['url']): errors.append(f"{s['article']}: url differs from its article's")
    v = s.get('voice')
    if v and (v['label'] not in (-1, 0, 1) or (v.get('speaker_actor') not in ACTORS and v.get('speaker_actor') is not None)):
        errors.append(f"{s['article']}: bad voice {v}")
    key = (s['article'], s['sentence'], s['actor'])
    if key in seen: errors.append(f'duplicate pair {key[0]} {key[2]}: {key[1][:60]}')
    seen.add(key)
dev = {json.loads(l)['url'].lower().rstrip('/') for l in open(os.path.join(shared, 'data', 'indomain-dev', 'articles.jsonl'))}
errors += [f"{a['id']}: URL of the dev set" for a in articles if a['url'].lower().rstrip('/') in dev]
other_parts = glob.glob(os.path.join(other, 'parts', '*.articles.jsonl'))
theirs = {json.loads(l)['url'].lower().rstrip('/') for p in other_parts for l in open(p, encoding='utf-8') if l.strip()}
errors += [f"{a['id']}: URL also in {os.path.basename(other)}" for a in articles if a['url'].lower().rstrip('/') in theirs]
check = subprocess.run([sys.executable, os.path.join(shared, 'reserved', 'check-urls')], input='\n'.join(a['url'] for a in articles), capture_output=True, text=True)
errors += [f'reserved URL: {u}' for u in check.stdout.split()]
if errors:
    print('\n'.join(errors[:50])); sys.exit(1)
with open(os.path.join(here, 'articles.jsonl'), 'w', encoding='utf-8') as f:
    for a in articles: f.write(json.dumps(a, ensure_ascii=False) + '\n')
with open(os.path.join(here, 'sentences.jsonl'), 'w', encoding='utf-8') as f:
    for s in sentences: f.write(json.dumps({**s, 'url': by_id[s['article']]['url']}, ensure_ascii=False) + '\n')
groups = Counter((a['outlet_group'], a['kind']) for a in articles)
print(f"articles {len(articles)}, outlets {len({a['outlet'] for a in articles})}, sentence pairs {len(sentences)}, distinct sentences {len({s['sentence'] for s in sentences})}")
for g in ('state-affiliated', 'western', 'regional'):
    print(f"  {g:17} " + '  '.join(f"{k} {groups[(g, k)]}" for k in ('op-ed', 'news', 'analysis')))
lab = Counter(s['label'] for s in sentences); voices = [s['voice'] for s in sentences if s.get('voice')]
vl = Counter(v['label'] for v in voices); dl = Counter(v for a in articles for v in a['doc_labels'].values())
print(f"author labels -1 {lab[-1]}, 0 {lab[0]}, +1 {lab[1]}; voices {len(voices)} (-1 {vl[-1]}, 0 {vl[0]}, +1 {vl[1]}); doc labels {sum(dl.values())} (-1 {dl[-1]}, 0 {dl[0]}, +1 {dl[1]})")

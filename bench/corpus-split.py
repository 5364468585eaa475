#!/usr/bin/env python3
"""Splits the hand-written chat corpus ONCE into train / dev / held-out (run on 2026-12-06; do not re-run
to "improve" figures). Input: one file per intent, lines `variety|text|entities`. Per intent, lines are
ordered by the SHA-1 of their text; the first 25 % go to held-out, the next 10 % to dev, the rest to train.
Duplicates (after folding alef/hamza/taa marbuta/diacritics/case/punctuation) are dropped first."""
import hashlib, os, re, sys
src, main_out, test_out = sys.argv[1], sys.argv[2], sys.argv[3]
def fold(t):
    t = re.sub('[\u064B-\u0652\u0640]', '', t.lower())
    t = t.translate(str.maketrans('أإآىةؤئ', 'اااي هوي'.replace(' ', '')))
    return re.sub(r'[\W_]+', ' ', t).strip()
seen, parts = set(), {'train': [], 'dev': [], 'heldout': []}
for name in sorted(os.listdir(src)):
    intent = name[:-4]
    rows = []
    for line in open(os.path.join(src, name), encoding='utf8').read().splitlines():
        variety, text, entities = line.split('|')
        key = fold(text) or text
        if key in seen:
            continue
        seen.add(key)
        rows.append((hashlib.sha1(text.encode()).hexdigest(), f'{intent}\t{variety}\t{text}\t{entities}'))
    rows.sort()
    n = len(rows); h = round(n * 0.25); d = round(n * 0.10)
    parts['heldout'] += [r for _, r in rows[:h]]
    parts['dev'] += [r for _, r in rows[h:h + d]]
    parts['train'] += [r for _, r in rows[h + d:]]
header = '# intent\tvariety\ttext\tentities (key=value;…) — hand-written, see docs/chatbot-language.md "The corpus"\n'
for part, rows in parts.items():
    out = main_out if part == 'train' else test_out
    with open(os.path.join(out, part + '.tsv'), 'w', encoding='utf8') as f:
        f.write(header + '\n'.join(rows) + '\n')
    print(part, len(rows))

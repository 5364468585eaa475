#!/usr/bin/env python3
"""Drops from a file of NEW hand-written corpus lines every line that folds (the same folding as
bench/corpus-split.py) to a line of the given corpus files, or to an earlier new line, and prints ONLY
counts — never the lines it compared against, so held-out text is not shown.
Usage: bench/chat-corpus-dedup.py NEW.tsv OUT.tsv CORPUS.tsv... [--near HELDOUT.tsv...]
(NEW: intent\tvariety\ttext\tentities). After --near: sets a new TRAINING line must not even come close
to — a line sharing at least 60 % of its folded words (Jaccard) with one of theirs is dropped too, so
training lines written after a held-out set by the same hand do not echo it (counts only)."""
import re, sys
def fold(t):
    t = re.sub('[\u064B-\u0652\u0640]', '', t.lower())
    t = t.translate(str.maketrans('أإآىةؤئ', 'ااايهوي'))
    return re.sub(r'[\W_]+', ' ', t).strip()
args = sys.argv[3:]
near_files = args[args.index('--near') + 1:] if '--near' in args else []
new, out, corpora = sys.argv[1], sys.argv[2], args[:args.index('--near')] if '--near' in args else args
near = []
for c in near_files:
    for line in open(c, encoding='utf8').read().splitlines():
        if not line.startswith('#') and line.strip():
            near.append((set(fold(line.split('\t')[2]).split()), c))
near_dropped = {c: 0 for c in near_files}
for c in near_files:
    if c not in corpora:
        corpora.append(c)
keys = {}
for c in corpora:
    for line in open(c, encoding='utf8').read().splitlines():
        if line.startswith('#') or not line.strip():
            continue
        keys.setdefault(fold(line.split('\t')[2]), c)
kept, dropped, seen = [], {c: 0 for c in corpora}, set()
dup = 0
for line in open(new, encoding='utf8').read().splitlines():
    if line.startswith('#') or not line.strip():
        kept.append(line); continue
    k = fold(line.split('\t')[2]) or line.split('\t')[2]
    if k in keys:
        dropped[keys[k]] += 1; continue
    if k in seen:
        dup += 1; continue
    words = set(k.split())
    hit = next((c for ws, c in near if ws and len(words & ws) / len(words | ws) >= 0.6), None)
    if hit:
        near_dropped[hit] += 1; continue
    seen.add(k); kept.append(line)
open(out, 'w', encoding='utf8').write('\n'.join(kept) + '\n')
for c, n in dropped.items():
    print(f'dropped {n} equal to a line of {c}')
for c, n in near_dropped.items():
    print(f'dropped {n} close (>= 60 % of words) to a line of {c}')
print(f'dropped {dup} repeated within the new lines; kept {sum(1 for l in kept if l and not l.startswith("#"))}')

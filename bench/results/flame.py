# Minimal flame graph (icicle-free, root at bottom) from collapsed stacks: python3 flame.py in.collapsed title > out.svg
import sys, html
from collections import defaultdict
def tree():
    return {'n': 0, 'c': defaultdict(tree)}
root = tree()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1); n = int(n)
    node = root; node['n'] += n
    for f in stack.split(';'):
        node = node['c'][f]; node['n'] += n
W, H, total = 1200, 16, root['n']
rects, depth_max = [], 0
def walk(node, x, depth):
    global depth_max
    for name, child in sorted(node['c'].items()):
        w = child['n'] / total * W
        if w >= 6:  # narrower frames are left out to keep the file small
            rects.append((x, depth, w, name, child['n']))
            depth_max = max(depth_max, depth)
            walk(child, x, depth + 1)
        x += w
walk(root, 0, 0)
height = (depth_max + 3) * H
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" font-family="monospace" font-size="11">',
       f'<text x="4" y="13">{html.escape(sys.argv[2])} — {total} samples; hover for frame and share</text>']
for x, d, w, name, n in rects:
    y = height - (d + 1) * H
    short = name.split('.')[-2] + '.' + name.split('.')[-1] if name.count('.') >= 1 else name
    hue = 20 if 'sun.security' in name else (200 if 'io.moeen' in name else (100 if 'io.vertx' in name else 40))
    out.append(f'<g><title>{html.escape(name)} ({100*n/total:.1f}%)</title>'
               f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{H-1}" fill="hsl({hue},70%,65%)"/>'
               + (f'<text x="{x+2:.1f}" y="{y+11}">{html.escape(short[:int(w/7)])}</text>' if w > 30 else '') + '</g>')
out.append('</svg>')
print('\n'.join(out))

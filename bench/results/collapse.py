# Reads `jfr print --events jdk.ExecutionSample` on stdin; prints top self frames, top frames by
# inclusive share for io.moeen / vertx, and writes collapsed stacks (flamegraph.pl format) to argv[1].
import sys, re, collections
stacks, cur, inside = [], [], False
for line in sys.stdin:
    s = line.strip()
    if s.startswith('stackTrace = ['):
        inside, cur = True, []
    elif inside and s == ']':
        inside = False; stacks.append(cur)
    elif inside and s and s != '...':
        m = re.match(r'(.+?)\(.*\)\s+line:', s) or re.match(r'(.+?)\(', s)
        if m: cur.append(m.group(1))
n = len(stacks)
self_c = collections.Counter(st[0] for st in stacks if st)
incl = collections.Counter()
for st in stacks:
    for f in set(st): incl[f] += 1
print(f'samples: {n}')
print('\nTop 15 self (leaf) frames:')
for f, c in self_c.most_common(15): print(f'  {100*c/n:5.1f}%  {f}')
print('\nInclusive share of selected frames:')
for key in ['io.moeen.api.Authentication.handle', 'io.moeen.common.auth.AccessTokens.verifyWithSession',
            'io.moeen.identity.IdentityStore.principal', 'io.vertx.pgclient', 'io.vertx.core.eventbus',
            'io.vertx.ext.auth.jwt', 'java.security.Signature', 'io.moeen.api.OperationForwarder',
            'io.moeen.api.ContractValidation', 'io.moeen.api.AccessLog', 'io.netty.channel.nio.NioEventLoop.select',
            'org.postgresql', 'io.vertx.core.json']:
    c = sum(1 for st in stacks if any(f.startswith(key) for f in st))
    print(f'  {100*c/n:5.1f}%  {key}')
with open(sys.argv[1], 'w') as out:
    col = collections.Counter(';'.join(reversed(st)) for st in stacks if st)
    for k, c in col.items(): out.write(f'{k} {c}\n')

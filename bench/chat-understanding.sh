#!/usr/bin/env sh
# How well the chatbot understands the held-out corpus (today's reader, then the new pipeline); no service needed.
# Usage: bench/chat-understanding.sh [heldout|heldout2|heldout3|heldout4|heldout5|dev|both]   (default heldout; heldout2 … heldout5
# are the second to fifth held-out sets, src/test/resources/io/moeen/chatbot/corpus/heldout2.tsv … heldout5.tsv; both = dev then heldout;
# or any class-path resource ending .tsv (a candidate batch of training lines, to read its entities);
# -Dmisses=1 in MAVEN_OPTS lists every miss — never on a held-out set)
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.ChatUnderstandingBench \
  -Dexec.args="${1:-heldout}"

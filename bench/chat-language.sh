#!/usr/bin/env sh
# How fast the chatbot understands messages (normalize, language, intent, date, time); no service needed.
# Usage: bench/chat-language.sh [messages=200000]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.ChatLanguageBench \
  -Dexec.args="${1:-200000}"

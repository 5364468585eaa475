#!/usr/bin/env sh
# What one chat message costs, stage by stage (normalise, Arabizi, rules, entities, features, model),
# and the model's readiness (loading the shipped weights vs training them); no service needed.
# Usage: bench/chat-pipeline-cost.sh [rounds=30]
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.chatbot.language.PipelineCost \
  -Dexec.args="${1:-30}"

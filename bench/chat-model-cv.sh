#!/usr/bin/env sh
# Where the intent model goes wrong WITHOUT touching the held-out split: 5-fold cross-validation over
# the train split, then dev read by a model trained on all of train, at several fallback thresholds.
# Usage: bench/chat-model-cv.sh   (MAVEN_OPTS="-Ddetails=true -Dmisses=true" adds per-label figures,
# confusion pairs and every misread message at the shipped threshold; -Depochs -Drate -Dl2 -Daverage
# (-Dbayes -Dsmoothing: the naive-Bayes start) try other training settings; -DwithDev=true folds over train+dev; -Dseed=N another fold assignment; -Dextra=f.tsv adds candidate lines to every fold's training part (never read); -Dvariants="0.2:0.9:true;2:2:false" tries
# ChatUnderstanding.Rescue variants — runner-up probability:rule score:catalogue names[:margin to NONE] — on the same folds)
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.moeen.chatbot.language.IntentModelCrossValidation

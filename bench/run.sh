#!/usr/bin/env bash
# Load benchmark of Clearinghouse against nginx (and Gitit's figures): builds the jar, generates
# the corpus, starts the server, measures, and updates docs/BENCHMARKS.md.
#
#   bench/run.sh [--pages 20000] [--history 20000] [--duration 10s] [--gitit recorded|run|skip] ...
#
# `bench/run.sh --help` lists every option. Needs wrk and nginx (apt-get install wrk nginx),
# git, python3 and a JDK 17. Loads only 127.0.0.1; stops only the processes it started.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
missing=()
for tool in wrk nginx git python3 java; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: missing ${missing[*]}; install with: apt-get install wrk nginx git python3 openjdk-17-jdk-headless" >&2
  exit 2
fi
exec python3 "$HERE/bench.py" "$@"

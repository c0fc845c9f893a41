#!/usr/bin/env bash
# Heap held per open drill page (Vaadin session + UI tree), measured with Karibu-Testing in one JVM.
# Usage: scripts/session-heap.sh [sessions]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test -Dtest=DrillSessionHeapMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsessions="${1:-200}" 2>&1 | grep -E "Drill sessions|FAIL|ERROR" || true

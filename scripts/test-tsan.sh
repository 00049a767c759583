#!/usr/bin/env bash
# The tests of the readers' threads (the XML parse thread, the CSV parse | map | store pipeline, a reader dropped
# halfway or whose set-up failed) under ThreadSanitizer: a data race or a use after free fails the run.
# A build of its own (.build-tsan): a few minutes the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
filter='XMLRecordDeliveryTests|XMLFieldLimitTests|XMLHourMappingTests|XMLFileSafetyTests|CSVReaderTests|CSVRecordLimitTests|RecordLimitImportTests|SETUCorrectionImportTests'
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS="halt_on_error=1" swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$filter"

#!/usr/bin/env bash
# Remakes docs/report-fake.png and docs/report-seed-import.png: a fake-profile run and the import of the seed
# study's results_0.json, each report opened in headless Chromium (Debian's chromium) and photographed.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
ENERGYBENCH_PROFILE=fake ENERGYBENCH__Results__Directory="$results" \
  ENERGYBENCH__Regression__BaselinesDirectory="$results/baselines" \
  dotnet test tests/EnergyBenchmarks --filter Category=Energy > "$results/fake.log"
dotnet run --project src/Cli -- import-seed ../shared/seed-study/results_0.json --results "$results" > "$results/seed.log"

shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
    --user-data-dir="$results/chromium" --window-size=1280,2400 --screenshot="$2" "file://$1" 2> /dev/null
}
shoot "$(ls -d "$results"/*-fake)/report.html" docs/report-fake.png
shoot "$(ls -d "$results"/*-seed-import)/report.html" docs/report-seed-import.png
echo "screenshots written; the runs are in $results"

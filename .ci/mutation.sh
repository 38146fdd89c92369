# Mutation testing in CI, in a form that fits the time limit: incremental against the
# last full report (reports/mutation/stryker-incremental.json, committed), so only the
# mutants of changed code, or covered by changed tests, run again. Without that file,
# only the core files changed by the last commit are mutated. The score of what ran
# must stay at or above 80 % (stryker.config.json, thresholds.break).
run_mutation() {
  local incremental=reports/mutation/stryker-incremental.json
  if [ -f "$incremental" ]; then
    nice npx stryker run --incremental --incrementalFile "$incremental"
    return
  fi
  local changed
  changed=$(git diff --name-only HEAD~1 -- 'scenarios/*.ts' 'evaluators/*.ts' 2>/dev/null | grep -v '\.test\.ts$' | paste -sd, - || true)
  if [ -z "$changed" ]; then
    echo "mutation testing: no core file changed in the last commit and no incremental report; nothing to mutate"
    return
  fi
  nice npx stryker run --mutate "$changed"
}

# Mutation testing in CI, in a form that fits its time: only the lines of the core
# files (the .ts files of scenarios/ and evaluators/, not their tests) that the last
# commit added or changed are mutated, and only the core tests run against them
# (vitest.mutation.config.ts). Static mutants are left out (stryker.config.json,
# ignoreStatic; docs/testing.md says why). The score of those mutants must reach
# thresholds.break (80): below it, or when Stryker itself fails, run_mutation returns
# non-zero and .ci/run fails.
#
# MUTATION_BASE: the commit to compare with (default HEAD~1, the first parent, so a
# merge commit is checked for all it brings in). MUTATION_MAX_LINES (default 150)
# bounds the changed lines mutated in one run: beyond it only the first that many
# changed lines are mutated, and the ranges left out are named.

# file:start-end for each hunk of added or changed lines in the core files.
changed_core_ranges() {
  local base=$1
  git diff --unified=0 --no-color --no-ext-diff --src-prefix=a/ --dst-prefix=b/ --diff-filter=AMR "$base" HEAD -- \
    'scenarios/*.ts' 'evaluators/*.ts' ':(exclude)*.test.ts' ':(exclude)*.d.ts' |
    awk '
      /^\+\+\+ / { file = substr($0, 7); next }
      /^@@ / {
        n = split($3, plus, ",")
        start = substr(plus[1], 2) + 0
        count = (n > 1) ? plus[2] + 0 : 1
        if (count > 0 && file != "") printf "%s:%d-%d\n", file, start, start + count - 1
      }'
}

run_mutation() {
  local base=${MUTATION_BASE:-HEAD~1}
  local max_lines=${MUTATION_MAX_LINES:-150}
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1 || ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
    echo "mutation testing: no commit $base to compare with (not a git checkout, or a shallow one); nothing mutated"
    return 0
  fi
  local ranges
  ranges=$(changed_core_ranges "$base")
  if [ -z "$ranges" ]; then
    echo "mutation testing: the last commit changes no line of the core's .ts files; nothing to mutate"
    return 0
  fi
  local kept=() left=() total=0 range file first last room
  while IFS= read -r range; do
    file=${range%:*}
    first=${range##*:}
    last=${first#*-}
    first=${first%-*}
    room=$((max_lines - total))
    if [ "$room" -le 0 ]; then
      left+=("$range")
    elif [ $((last - first + 1)) -le "$room" ]; then
      kept+=("$range")
      total=$((total + last - first + 1))
    else
      kept+=("$file:$first-$((first + room - 1))")
      left+=("$file:$((first + room))-$last")
      total=$max_lines
    fi
  done <<<"$ranges"
  echo "mutation testing: $total changed line(s) in ${#kept[@]} hunk(s) since $(git rev-parse --short "$base")"
  printf '  %s\n' "${kept[@]}"
  if [ ${#left[@]} -gt 0 ]; then
    echo "  not mutated (over MUTATION_MAX_LINES=$max_lines):"
    printf '    %s\n' "${left[@]}"
  fi
  local mutate
  mutate=$(IFS=,; echo "${kept[*]}")
  nice npx stryker run --mutate "$mutate"
}

#!/usr/bin/env bash
# Restores the files a student must not change (tests, grader, metadata, configs, lib/, workflows)
# from the base commit of a pull request, and lists the ones the pull request changed.
#   restore-protected.sh BASE_SHA FLAGGED_FILE
# The grading workflow runs this script as it is in the base commit, never the pull request's copy.
set -euo pipefail
base="$1"
flagged="$2"
protected=(tests lib scripts exercises/exercises.json jest.config.ts tsconfig.json eslint.config.mjs
  package.json package-lock.json .nvmrc .github .ci data)

fork_point=$(git merge-base "$base" HEAD)
git diff --name-only "$fork_point" HEAD -- "${protected[@]}" > "$flagged"
for path in "${protected[@]}"; do
  rm -rf -- "$path"
  if git cat-file -e "$base:$path" 2>/dev/null; then
    git checkout "$base" -- "$path"
  fi
done
echo "restored ${#protected[@]} protected paths from $base; changed by the pull request: $(wc -l < "$flagged")"

#!/usr/bin/env bash
# Puts every file of the course back as it is in the template (BASE), keeping only the student's
# exercise modules (exercises/*.ts that BASE has) from the pull request: an allowlist, so files
# the pull request adds anywhere else are removed too. Lists the other files the pull request changed.
#   restore-protected.sh BASE_SHA FLAGGED_FILE
# The grading workflow runs this script as it is in BASE, never the pull request's copy.
set -euo pipefail
base="$1"
flagged="$2"
head=$(git rev-parse HEAD)
mapfile -t exercises < <(git ls-tree --name-only "$base" exercises/ | grep '\.ts$')
fork_point=$(git merge-base "$base" "$head")
git diff --name-only "$fork_point" "$head" | { grep -vxF -f <(printf '%s\n' "${exercises[@]}") || true; } > "$flagged"
git checkout -q --force --detach "$base"
git clean -q -f -d -x
for file in "${exercises[@]}"; do
  if git cat-file -e "$head:$file" 2>/dev/null && [ "$(git cat-file -t "$head:$file")" = blob ] \
    && [ "$(git ls-tree "$head" -- "$file" | cut -c1-6)" = 100644 ]; then
    git show "$head:$file" > "$file"
  fi
done
echo "restored the template from $base, kept ${#exercises[@]} exercise files; other files changed by the pull request: $(wc -l < "$flagged")"

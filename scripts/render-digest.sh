#!/usr/bin/env bash
# Renders a digest preview in headless Chromium (Debian's `chromium` package) to a PNG, and checks that the rendered
# page shows the given headline and snippet text.
#   scripts/render-digest.sh DIGEST.html OUT.png "headline text" "snippet text"
set -euo pipefail
html=$(realpath "$1"); png=$2; headline=$3; snippet=$4
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed: apt-get install chromium" >&2
  exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=760,1400)

"$browser" "${flags[@]}" --screenshot="$png" "file://$html" 2>/dev/null
dom=$("$browser" "${flags[@]}" --dump-dom "file://$html" 2>/dev/null)
text=$(printf '%s' "$dom" | python3 -c 'import html,re,sys; print(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", sys.stdin.read()))))')
for expected in "$headline" "$snippet"; do
  if ! grep -qF -- "$expected" <<<"$text"; then
    echo "the rendered digest does not show: $expected" >&2
    exit 1
  fi
done
echo "rendered $png ($(stat -c %s "$png") bytes); headline and snippet are shown"

#!/usr/bin/env bash
# Rewrites README.md's generated sections (`<!-- generated: sift help TOPIC -->`) from the built binary's help.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q --product sift
bin=$(swift build --show-bin-path)/sift
python3 - "$bin" <<'PY'
import re, subprocess, sys
bin = sys.argv[1]
text = open("README.md", encoding="utf-8").read()
def fill(m):
    topic = m.group(1)
    body = subprocess.run([bin, "help", topic], check=True, capture_output=True, text=True).stdout
    return f"<!-- generated: sift help {topic} -->\n```text\n{body}```\n<!-- end generated -->"
text = re.sub(r"<!-- generated: sift help (\w+) -->\n.*?<!-- end generated -->", fill, text, flags=re.S)
open("README.md", "w", encoding="utf-8").write(text)
PY

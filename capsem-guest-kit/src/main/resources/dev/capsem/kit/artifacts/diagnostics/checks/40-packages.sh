# packages: the profile's packages are installed at the promised versions (sourced by run-checks).
# Each package manager is asked once, for all of its packages.

package_lines=$(expected packages.tsv)
if [ -z "$package_lines" ]; then
  check_skip packages none "no package expectations (packages.tsv)"
else
  tab=$(printf '\t')
  names_of() {
    printf '%s\n' "$package_lines" | awk -F '\t' -v kind="$1" '$1 == kind { print $2 }'
  }

  # apt: installed ("ii") packages and their versions, from dpkg's database.
  apt_names=$(names_of apt)
  apt_found=
  if [ -n "$apt_names" ]; then
    apt_found=$(dpkg-query -W -f='${Package}\t${db:Status-Abbrev}\t${Version}\n' $apt_names \
      2>/dev/null | awk -F '\t' '$2 ~ /^ii/ { print $1 "\t" $3 }')
  fi

  # python: distribution versions through importlib.metadata (the standard library).
  python_names=$(names_of python)
  python_found=
  if [ -n "$python_names" ] && command -v python3 > /dev/null 2>&1; then
    python_found=$(python3 - $python_names << 'PYTHON'
import sys
from importlib import metadata
for name in sys.argv[1:]:
    try:
        print(name + "\t" + metadata.version(name))
    except metadata.PackageNotFoundError:
        pass
PYTHON
)
  fi

  # node: the package.json of each global package, under the CLIs' prefix or npm's global root.
  node_names=$(names_of node)
  node_found=
  if [ -n "$node_names" ]; then
    roots="$(setting npm_prefix /opt/ai-clis)/lib/node_modules"
    command -v npm > /dev/null 2>&1 && roots="$roots $(npm root -g 2>/dev/null)"
    if command -v python3 > /dev/null 2>&1; then
      node_found=$(python3 - "$roots" $node_names << 'PYTHON'
import json, os, sys
roots = sys.argv[1].split()
for name in sys.argv[2:]:
    for root in roots:
        try:
            with open(os.path.join(root, name, "package.json"), encoding="utf-8") as f:
                print(name + "\t" + json.load(f)["version"])
            break
        except (OSError, ValueError, KeyError):
            continue
PYTHON
)
    fi
  fi

  # A here-document, not a pipe: the loop must run in this shell, which counts the cases.
  while IFS="$tab" read -r kind name version; do
    case "$kind" in
      apt) found=$apt_found ;;
      python) found=$python_found ;;
      node) found=$node_found ;;
      *) check_fail packages "$kind/$name" "unknown package kind '$kind'"; continue ;;
    esac
    actual=$(printf '%s\n' "$found" | awk -F '\t' -v n="$name" '$1 == n { print $2; exit }')
    if [ -z "$actual" ]; then
      check_fail "packages.$kind" "$name" "$kind package $name is not installed (expected $version)"
    elif version_ok "$version" "$actual"; then
      check_pass "packages.$kind" "$name"
    else
      check_fail "packages.$kind" "$name" "$kind package $name is $actual, expected $version"
    fi
  done << LINES
$package_lines
LINES
fi

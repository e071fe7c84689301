# The diagnostics' test cases, collected as JUnit XML (the format `image verify --doctor-bundle`
# reads). POSIX sh, sourced by run-checks: no pytest, nothing from PyPI.
#
#   check_pass GROUP NAME
#   check_fail GROUP NAME MESSAGE [OUTPUT]
#   check_skip GROUP NAME MESSAGE
#   check_run GROUP NAME COMMAND...   passes when COMMAND exits 0, fails with its output otherwise
#   junit_write FILE                  writes the report; returns 1 when a case failed

CASES=$(mktemp)
TESTS=0
FAILURES=0
SKIPPED=0

# Times come from /proc/uptime through shell built-ins only: under emulation every process a
# check starts costs time, so bookkeeping starts none.
centiseconds() {
  read -r up rest < /proc/uptime
  hundredths=${up#*.}
  echo $(( ${up%.*} * 100 + ${hundredths#0} ))
}

seconds_since() {
  d=$(( $(centiseconds) - $1 ))
  printf '%d.%02d' $((d / 100)) $((d % 100))
}

SUITE_START=$(centiseconds)
CASE_START=$SUITE_START

# Text made safe for an XML attribute or element: markup escaped, control characters dropped.
xml_text() {
  tr -d '\000-\010\013\014\016-\037' | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' \
    -e 's/"/\&quot;/g'
}

# A name as XML: as it is when it holds nothing to escape (the common case, no process started).
xml_name() {
  case "$1" in
    *[\&\<\>\"]* | *[![:print:]]*) printf '%s' "$1" | xml_text ;;
    *) printf '%s' "$1" ;;
  esac
}

case_open() {
  TESTS=$((TESTS + 1))
  printf '    <testcase classname="%s" name="%s" time="%s"' "$(xml_name "$1")" "$(xml_name "$2")" \
    "$(seconds_since "$CASE_START")" >> "$CASES"
  CASE_START=$(centiseconds)
}

check_pass() {
  case_open "$1" "$2"
  echo '/>' >> "$CASES"
  echo "PASS $1/$2"
}

check_fail() {
  FAILURES=$((FAILURES + 1))
  case_open "$1" "$2"
  {
    printf '>\n      <failure message="%s">' "$(printf '%s' "$3" | xml_text)"
    printf '%s' "${4:-$3}" | xml_text
    printf '</failure>\n    </testcase>\n'
  } >> "$CASES"
  echo "FAIL $1/$2: $3"
  [ -n "${4:-}" ] && printf '%s\n' "$4" | sed -n '1,20s/^/    /p'
  return 0
}

check_skip() {
  SKIPPED=$((SKIPPED + 1))
  case_open "$1" "$2"
  printf '>\n      <skipped message="%s"/>\n    </testcase>\n' "$(printf '%s' "$3" | xml_text)" \
    >> "$CASES"
  echo "SKIP $1/$2: $3"
}

check_run() {
  group=$1
  name=$2
  shift 2
  if output=$("$@" 2>&1); then
    check_pass "$group" "$name"
  else
    check_fail "$group" "$name" "'$*' failed (status $?)" "$output"
  fi
}

junit_write() {
  time=$(seconds_since "$SUITE_START")
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    printf '<testsuites name="capsem-doctor" tests="%d" failures="%d" errors="0" skipped="%d" time="%s">\n' \
      "$TESTS" "$FAILURES" "$SKIPPED" "$time"
    printf '  <testsuite name="capsem-doctor" tests="%d" failures="%d" errors="0" skipped="%d" time="%s" hostname="%s">\n' \
      "$TESTS" "$FAILURES" "$SKIPPED" "$time" "$(xml_name "$(uname -n)")"
    cat "$CASES"
    echo '  </testsuite>'
    echo '</testsuites>'
  } > "$1.tmp" && mv "$1.tmp" "$1"
  rm -f "$CASES"
  [ "$FAILURES" -eq 0 ]
}

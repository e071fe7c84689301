# tools: every required tool of the profile answers its version command with the promised
# version (sourced by run-checks). The first non-blank line of the command's output is the version.

tool_lines=$(expected tools.tsv)
if [ -z "$tool_lines" ]; then
  check_skip tools none "no tool expectations (tools.tsv)"
else
  tab=$(printf '\t')
  shell=sh
  command -v bash > /dev/null 2>&1 && shell="bash -o pipefail"
  while IFS="$tab" read -r name version command; do
    [ -n "$command" ] || command="$name --version"
    if output=$(timeout 60 $shell -c "$command" 2>&1 < /dev/null); then
      actual=$(printf '%s\n' "$output" | sed -n '/[^[:space:]]/{s/^[[:space:]]*//;s/[[:space:]]*$//;p;q;}')
      if version_ok "$version" "$actual"; then
        check_pass tools "$name"
      else
        check_fail tools "$name" "$name reports '${actual:-}' ('$command'), expected $version" "$output"
      fi
    else
      status=$?
      check_fail tools "$name" "'$command' failed (status $status): $name is missing or broken" \
        "$output"
    fi
  done << LINES
$tool_lines
LINES
fi

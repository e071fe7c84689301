# agents: the guest agents the image was built with are there and start (sourced by run-checks).
#
# capsem-init starts the network and DNS proxies and records in /run/capsem/agents whether each
# is running or exited (and with which status). The PTY agent, the MCP server and sysutil start
# later or on demand: for them, starting means the kernel runs the binary (it is not killed for
# an exec format error or a missing interpreter): run with no arguments, it must not exit 126 or
# 127 within a second (a still-running agent is stopped after that second and passes).

state_of() {
  awk -F '\t' -v n="$1" '$1 == n { print $2 "\t" $3 }' /run/capsem/agents 2>/dev/null | tail -n 1
}

agent_path() {
  for path in "/run/$1" "/usr/local/bin/$1"; do
    [ -x "$path" ] && { echo "$path"; return; }
  done
}

expected_agents=$(expected agents.txt)
for agent in capsem-net-proxy capsem-dns-proxy capsem-pty-agent capsem-mcp-server capsem-sysutil; do
  required=no
  printf '%s\n' "$expected_agents" | grep -qx "$agent" && required=yes
  path=$(agent_path "$agent")
  if [ -z "$path" ]; then
    if [ "$required" = yes ]; then
      check_fail agents "$agent" "$agent was built into the image but is missing"
    else
      check_skip agents "$agent" "the image was built without $agent"
    fi
    continue
  fi
  tab=$(printf '\t')
  state=$(state_of "$agent")
  case "$state" in
    "running$tab"*) check_pass agents "$agent" ;;
    "exited${tab}0") check_pass agents "$agent" ;;
    "exited$tab"*)
      check_fail agents "$agent" "$agent exited at start with status ${state#exited$tab}" \
        "$(tail -n 20 "/run/capsem/$agent.log" 2>/dev/null)" ;;
    *)
      output=$(timeout 1 "$path" < /dev/null 2>&1)
      status=$?
      if [ "$status" -eq 126 ] || [ "$status" -eq 127 ]; then
        check_fail agents "$agent" "$path cannot be executed here (status $status)" "$output"
      else
        check_pass agents "$agent"
      fi ;;
  esac
done

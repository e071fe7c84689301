# network: the guest reaches nothing but its proxies (sourced by run-checks).

if command -v ip > /dev/null 2>&1; then
  check_run network loopback-up sh -c 'ip -o link show lo | grep -q "UP"'
  if ip -o -4 addr show dummy0 2>&1 | grep -q 'inet 10\.0\.0\.1/24'; then
    check_pass network dummy0
  else
    check_fail network dummy0 "dummy0 does not hold 10.0.0.1/24" "$(ip addr 2>&1)"
  fi
  if ip route show default 2>&1 | grep -q 'dev dummy0'; then
    check_pass network default-route
  else
    check_fail network default-route "the default route is not through dummy0" "$(ip route 2>&1)"
  fi
else
  check_fail network ip-command "the image has no 'ip' command (iproute2)"
fi

if grep -qx 'nameserver 127.0.0.1' /etc/resolv.conf 2>/dev/null; then
  check_pass network resolver
else
  check_fail network resolver "/etc/resolv.conf does not name 127.0.0.1" \
    "$(cat /etc/resolv.conf 2>&1)"
fi

# DNS, HTTP, HTTPS and Ollama's port redirected to the guest proxies.
iptables=iptables-legacy
command -v "$iptables" > /dev/null 2>&1 || iptables=iptables
if rules=$("$iptables" -t nat -S OUTPUT 2>&1); then
  for rule in "udp 53 1053" "tcp 53 1053" "tcp 443 10443" "tcp 80 10080" "tcp 11434 10080"; do
    set -- $rule
    # iptables -S prints each rule as "-A OUTPUT -p udp -m udp --dport 53 -j REDIRECT ...".
    case "$rules" in
      *"-p $1 -m $1 --dport $2 -j REDIRECT --to-ports $3"*) redirected=yes ;;
      *) redirected=no ;;
    esac
    if [ "$redirected" = yes ]; then
      check_pass network "redirect-$1-$2"
    else
      check_fail network "redirect-$1-$2" "no nat REDIRECT of $1 port $2 to $3" "$rules"
    fi
  done
else
  check_fail network nat-table "'$iptables -t nat -S OUTPUT' failed" "$rules"
fi

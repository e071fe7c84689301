# files: the guest artifacts the image build installs, and the CA it trusts (sourced by run-checks).

for file in /etc/capsem-banner.txt /etc/capsem-tips.txt /etc/capsem-bashrc; do
  if [ -s "$file" ]; then
    check_pass files "${file##*/}"
  else
    check_fail files "${file##*/}" "$file is missing or empty"
  fi
done

for tool in capsem-doctor capsem-bench snapshots; do
  if [ -x "/usr/local/bin/$tool" ]; then
    check_pass files "$tool"
  else
    check_fail files "$tool" "/usr/local/bin/$tool is missing or not executable"
  fi
done
if [ "$(readlink /usr/local/bin/capsem-test)" = capsem-doctor ]; then
  check_pass files capsem-test-link
else
  check_fail files capsem-test-link "/usr/local/bin/capsem-test does not point at capsem-doctor"
fi
for dir in /usr/local/lib/capsem-tests /usr/local/lib/capsem_bench; do
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    check_pass files "${dir##*/}"
  else
    check_fail files "${dir##*/}" "$dir is missing or empty"
  fi
done

# The MITM CA: installed, one of the system's trusted certificates, the one the host expects.
ca=/usr/local/share/ca-certificates/capsem-ca.crt
bundle=/etc/ssl/certs/ca-certificates.crt
if [ ! -s "$ca" ]; then
  check_fail files ca-installed "$ca is missing or empty"
elif ! grep -q -- '-----BEGIN CERTIFICATE-----' "$ca"; then
  check_fail files ca-installed "$ca is not a PEM certificate" "$(head -c 300 "$ca")"
else
  check_pass files ca-installed
  # The certificate's base64 body appears in the bundle update-ca-certificates wrote.
  body=$(sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/{/-----/d;p;}' "$ca" \
    | tr -d '\r\n')
  trusted=$(tr -d '\r\n' < "$bundle" 2>/dev/null)
  case "$trusted" in
    *"$body"*) check_pass files ca-trusted ;;
    *) check_fail files ca-trusted "$bundle does not hold $ca (update-ca-certificates not run?)" ;;
  esac
fi
if [ -n "$EXPECT" ] && [ -f "$EXPECT/ca.pem" ]; then
  if cmp -s "$EXPECT/ca.pem" "$ca"; then
    check_pass files ca-expected
  else
    check_fail files ca-expected "$ca is not the CA the profile's build used"
  fi
fi

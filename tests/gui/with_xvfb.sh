#!/bin/sh
# with_xvfb.sh COMMAND [ARGS...]: runs COMMAND with DISPLAY set to a private Xvfb
# server on a free display (Xvfb -displayfd picks one without races, so tests
# can run in parallel), with Mesa's software OpenGL; stops the server afterwards
# and exits with COMMAND's status (2 when Xvfb cannot start).
set -u
work=$(mktemp -d "${TMPDIR:-/tmp}/faultline-xvfb.XXXXXX") || exit 2
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -noreset 3>"$work/display" 2>"$work/log" &
server=$!
cleanup() {
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
i=0
while [ ! -s "$work/display" ]; do
  i=$((i + 1))
  if [ "$i" -gt 200 ] || ! kill -0 "$server" 2>/dev/null; then
    echo "with_xvfb.sh: Xvfb did not start (is the Debian package xvfb installed?):" >&2
    cat "$work/log" >&2
    exit 2
  fi
  sleep 0.05
done
DISPLAY=":$(head -n 1 "$work/display")" LIBGL_ALWAYS_SOFTWARE=1 "$@"
status=$?
exit "$status"

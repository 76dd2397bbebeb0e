#!/bin/bash
# Gives the UI tests a display when the build has none: starts Xvfb on display :$1 unless one
# already serves it, and stops it again when the Maven process ($PPID here) ends.
# Called by tests/org.viosbench.ui.tests/pom.xml only when DISPLAY is unset.
set -euo pipefail
display=${1:?display number}
maven_pid=$PPID
lock=/tmp/.X${display}-lock
socket=/tmp/.X11-unix/X${display}

if [ -f "$lock" ] && kill -0 "$(tr -d ' ' < "$lock")" 2>/dev/null && [ -S "$socket" ]; then
  echo "xvfb.sh: reusing the X server on :$display"
  exit 0
fi
if ! command -v Xvfb >/dev/null; then
  echo "xvfb.sh: DISPLAY is unset and Xvfb is not installed (Debian: apt-get install xvfb xauth); the UI tests need a display" >&2
  exit 1
fi
rm -f "$lock" "$socket"
setsid Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp -ac </dev/null >/dev/null 2>&1 &
xvfb_pid=$!
# Watchdog: stop Xvfb once Maven is gone, however the build ended.
setsid bash -c "while kill -0 $maven_pid 2>/dev/null; do sleep 2; done; kill $xvfb_pid 2>/dev/null" </dev/null >/dev/null 2>&1 &
for _ in $(seq 1 100); do
  [ -S "$socket" ] && { echo "xvfb.sh: Xvfb serves :$display (pid $xvfb_pid)"; exit 0; }
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "xvfb.sh: Xvfb on :$display exited at start" >&2; exit 1; }
  sleep 0.1
done
echo "xvfb.sh: Xvfb on :$display did not come up within 10 s" >&2
exit 1

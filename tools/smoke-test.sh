#!/usr/bin/env bash
# smoke-test.sh BINARY OUTDIR: the end-to-end check of the real program. Under a private Xvfb display, with a
# temporary database and home folder, Pembina must start on the welcome page, load the sample data from the
# keyboard (Tab to "Muat data contoh", Space), show the Program page with the 7 sample programs, and quit
# cleanly on Ctrl+Q, writing its automatic backup. Screenshots of each step and the program's output are kept
# in OUTDIR (ci-artifacts/ in CI). Needs xvfb, xdotool and imagemagick (make deps installs them); shares its
# display, waits and failure report with e2e.sh through xlib.sh.
set -euo pipefail
bin=$(realpath "${1:?usage: smoke-test.sh BINARY OUTDIR}")
out=${2:?usage: smoke-test.sh BINARY OUTDIR}
mkdir -p "$out"
out=$(realpath "$out")
tmp=$(mktemp -d)
fail_prefix="smoke test" fail_shot=smoke-failure
. "$(dirname "$0")/xlib.sh"
start_display

started=$SECONDS
env HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8 PEMBINA_STARTUP_TRACE=1 DISPLAY="$disp" \
	"$bin" --db "$tmp/smoke.db" >"$out/smoke.log" 2>&1 &
apid=$!
log=$out/smoke.log
wait_for 60 "the first frame" grep -q "first frame" "$out/smoke.log"
wait_for 20 "the window" env DISPLAY="$disp" xdotool search --onlyvisible --pid "$apid"
sleep 1
DISPLAY=$disp import -window root "$out/smoke-1-welcome.png"

# Keyboard only, as a coordinator could: the first Tab focuses "Muat data contoh", Space presses it.
DISPLAY=$disp xdotool mousemove 600 400
DISPLAY=$disp xdotool key Tab
sleep 0.3
DISPLAY=$disp xdotool key space
wait_for 60 "the Program page" grep -q "halaman programs" "$out/smoke.log"
sleep 1.5
DISPLAY=$disp import -window root "$out/smoke-2-programs.png"
colours=$(convert "$out/smoke-2-programs.png" -format %k info:)
[ "$colours" -gt 50 ] || fail "the Program page screenshot has only $colours colours: nothing drawn"

DISPLAY=$disp xdotool key ctrl+q
wait_exit Ctrl+Q
grep -q "Cadangan otomatis ditulis" "$out/smoke.log" || fail "no automatic backup on quitting"
programs=$(LANG=en_US.UTF-8 "$bin" --db "$tmp/smoke.db" list programs | wc -l)
[ "$programs" -eq 7 ] || fail "the database holds $programs programs after loading the sample, want 7"
echo "smoke test passed in $((SECONDS - started)) s: welcome page, sample data from the keyboard, Program page ($colours colours)," \
	"clean exit with its automatic backup; screenshots in $out"

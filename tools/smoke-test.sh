#!/usr/bin/env bash
# smoke-test.sh BINARY OUTDIR: the end-to-end check of the real program. Under a private Xvfb display, with a
# temporary database and home folder, Pembina must start on the welcome page, load the sample data from the
# keyboard (Tab to "Muat data contoh", Space), show the Program page with the 7 sample programs, and quit
# cleanly on Ctrl+Q, writing its automatic backup. Screenshots of each step and the program's output are kept
# in OUTDIR (ci-artifacts/ in CI). Needs xvfb, xdotool and imagemagick (make deps installs them).
set -euo pipefail
bin=$(realpath "${1:?usage: smoke-test.sh BINARY OUTDIR}")
out=${2:?usage: smoke-test.sh BINARY OUTDIR}
mkdir -p "$out"
out=$(realpath "$out")
tmp=$(mktemp -d)
xpid="" apid=""
cleanup() {
	[ -n "$apid" ] && kill "$apid" 2>/dev/null || true
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
	echo "smoke test: $*" >&2
	[ -n "${disp:-}" ] && DISPLAY=$disp import -window root "$out/smoke-failure.png" 2>/dev/null || true
	echo "--- program output ($out/smoke.log) ---" >&2
	cat "$out/smoke.log" >&2 || true
	exit 1
}
# wait_for SECONDS WHAT COMMAND...: retry COMMAND every 0.2 s until it succeeds.
wait_for() {
	local limit=$1 what=$2
	shift 2
	local end=$((SECONDS + limit))
	until "$@" >/dev/null 2>&1; do
		[ $SECONDS -lt $end ] || fail "timed out after ${limit}s waiting for $what"
		sleep 0.2
	done
}

# A free display number: none of the lock files Xvfb leaves.
for n in $(seq 90 190); do
	[ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xpid=$!
wait_for 20 "the X server" env DISPLAY="$disp" xdotool getdisplaygeometry

started=$SECONDS
env HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8 PEMBINA_STARTUP_TRACE=1 DISPLAY="$disp" \
	"$bin" --db "$tmp/smoke.db" >"$out/smoke.log" 2>&1 &
apid=$!
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
end=$((SECONDS + 30))
while kill -0 "$apid" 2>/dev/null; do
	[ $SECONDS -lt $end ] || fail "Pembina did not exit within 30 s of Ctrl+Q"
	sleep 0.2
done
set +e
wait "$apid"
code=$?
set -e
apid=""
[ "$code" -eq 0 ] || fail "Pembina exited with code $code"
! grep -qiE "panic|fatal|data race" "$out/smoke.log" || fail "the program's output shows a crash"
grep -q "Cadangan otomatis ditulis" "$out/smoke.log" || fail "no automatic backup on quitting"
programs=$(LANG=en_US.UTF-8 "$bin" --db "$tmp/smoke.db" list programs | wc -l)
[ "$programs" -eq 7 ] || fail "the database holds $programs programs after loading the sample, want 7"
echo "smoke test passed in $((SECONDS - started)) s: welcome page, sample data from the keyboard, Program page ($colours colours)," \
	"clean exit with its automatic backup; screenshots in $out"

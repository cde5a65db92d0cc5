# xlib.sh: what smoke-test.sh and e2e.sh share, sourced by both: a private Xvfb display, waits with a timeout,
# a failure that keeps a screenshot and the program's output, and the program's clean exit. Before sourcing,
# the script sets out (the folder for screenshots and logs) and tmp (a temporary folder, removed at exit);
# then fail_prefix (how a failure's message starts), fail_shot (the failure screenshot's name, without .png)
# and log (the running program's output, empty while none) say what a failure reports.
# Needs xvfb, xdotool and imagemagick (make deps installs them).
xpid="" apid="" disp="" log=""
fail_prefix=${fail_prefix:-failure} fail_shot=${fail_shot:-failure}

cleanup() {
	[ -n "$apid" ] && kill "$apid" 2>/dev/null || true
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# fail MESSAGE...: report the failure with a screenshot of the display and the end of the program's output.
fail() {
	echo "$fail_prefix: $*" >&2
	[ -n "$disp" ] && DISPLAY=$disp import -window root "$out/$fail_shot.png" 2>/dev/null || true
	if [ -n "$log" ]; then
		echo "--- program output ($log) ---" >&2
		tail -n 30 "$log" >&2 || true
	fi
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

# start_display: a private 1366x768 X server on a free display number (none of the lock files Xvfb leaves).
start_display() {
	local n
	for n in $(seq 90 190); do
		[ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
	done
	Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
	xpid=$!
	wait_for 20 "the X server" env DISPLAY="$disp" xdotool getdisplaygeometry
}

# wait_exit WHAT: wait up to 30 s for the program ($apid) to end after WHAT, then check that it exited with 0
# and that its output ($log) shows no crash. A program that hangs is sent SIGQUIT first, so that Go writes
# where each goroutine stands into its output.
wait_exit() {
	local end=$((SECONDS + 30)) code
	while kill -0 "$apid" 2>/dev/null; do
		if [ $SECONDS -ge $end ]; then
			kill -QUIT "$apid" 2>/dev/null || true
			sleep 1
			fail "Pembina did not exit within 30 s of $1 (its goroutines are at the end of $log)"
		fi
		sleep 0.2
	done
	set +e
	wait "$apid"
	code=$?
	set -e
	apid=""
	[ "$code" -eq 0 ] || fail "Pembina exited with code $code"
	! grep -qiE "panic|fatal error|data race" "$log" || fail "the program's output shows a crash"
}

#!/usr/bin/env bash
# e2e.sh BINARY OUTDIR: the coordinator's main flows on the real program, driven with real keystrokes
# (xdotool) under a private Xvfb display of 1366x768, with a fresh database and home folder:
#   1 first run: Mulai dengan data kosong, then the setup (identity, default signatory, numbering, JP target)
#   2 a program created in the window (Ctrl+2, Ctrl+N, the form filled by keyboard, Enter saves)
#   3 participants enrolled in it on its Peserta tab (NIP, Enter), from the office's list imported into Peserta
#   on the sample data (`demo`), which has a program running today and finished ones:
#   4 attendance entered by keyboard in Presensi, including a T (late, with the time now)
#   5 certificates issued and the PDF saved through the save dialog (Enter keeps the suggested name in HOME)
#   6 the leadership workbook exported (Ctrl+5, Ctrl+E, Enter)
#   7 the kiosk (`kiosk --program --form`): a participant finds their name and taps it, answers from the
#     keyboard, and taps Kirim jawaban (clicks at the places a participant would tap at 1366x768: the first
#     name the search leaves, and the footer's full-width button, which must be reachable at this size);
#     then the kiosk is left with the coordinator's PIN
# Each step writes a screenshot into OUTDIR (NN-name.png) and fails unless its result is in the database or on
# disk. Every wait has a timeout. The coordinator's window is driven by keys: a program is opened by typing its code in
# the list's search and Enter, its tabs are walked with Ctrl+PageDown (Ctrl+Shift+PageDown inside Jadwal &
# Presensi), and a tab shown that way puts the keyboard on its main control (the NIP box, Mode kios), so that no
# step depends on where a label or button lands. The display, waits and failure report are shared with
# smoke-test.sh (xlib.sh). Needs xvfb, xdotool, imagemagick, sqlite3 and poppler-utils (make deps installs them).
set -euo pipefail
bin=$(realpath "${1:?usage: e2e.sh BINARY OUTDIR}")
out=${2:?usage: e2e.sh BINARY OUTDIR}
mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out"/*.png "$out"/*.log
tmp=$(mktemp -d)
home=$tmp/home
mkdir -p "$home"
started=$SECONDS
. "$(dirname "$0")/xlib.sh"
# begin STEP: the step that a failure names, in its message and its screenshot (failure-STEP.png).
begin() {
	step=$1 fail_prefix="e2e, step $1" fail_shot="failure-$1"
}
begin start
x() { DISPLAY=$disp xdotool "$@"; }
keys() {
	x key --delay 90 "$@"
	sleep 0.4
}
typ() {
	x type --delay 30 "$1"
	sleep 0.3
}
# click X Y: a left click at screen coordinates, as a finger or a mouse would.
click() {
	x mousemove "$1" "$2" click 1
	sleep 0.5
}
# tabs N: Ctrl+PageDown N times, from an opened program's Ringkasan to its Nth tab after it.
tabs() {
	local i
	for ((i = 0; i < $1; i++)); do
		keys ctrl+Next
	done
	sleep 0.8
}
# open_program CODE: the Program page (Ctrl+2, back to its list when a program is open), CODE typed in its
# search and Enter, which opens the program on Ringkasan.
open_program() {
	keys ctrl+2
	keys ctrl+f ctrl+a
	typ "$1"
	local before
	before=$(grep -cF "program dibuka: $1 (" "$log" || true)
	keys Return
	wait_for 10 "the program $1 opened" opened_again "$1" "$before"
	sleep 0.5
}
# opened_again CODE N: the program's output says more than N times that the program CODE was opened.
opened_again() { [ "$(grep -cF "program dibuka: $1 (" "$log")" -gt "$2" ]; }
shot() {
	sleep 0.6
	DISPLAY=$disp import -window root "$out/$1.png"
}
cli() { env HOME="$home" LANG=en_US.UTF-8 "$bin" "$@" 2>/dev/null; }
q() { sqlite3 -batch -noheader "$db" "$1"; }
# start NAME ARGS...: run Pembina with ARGS on the display, its output in OUTDIR/NAME.log, and wait for its
# first frame and window.
start() {
	local name=$1
	shift
	log=$out/$name.log
	env HOME="$home" XDG_CONFIG_HOME="$home/.config" LANG=en_US.UTF-8 PEMBINA_STARTUP_TRACE=1 DISPLAY="$disp" \
		"$bin" "$@" >"$log" 2>&1 &
	apid=$!
	wait_for 60 "the first frame" grep -q "first frame" "$log"
	wait_for 20 "the window" env DISPLAY="$disp" xdotool search --onlyvisible --pid "$apid"
	sleep 1.5
	x mousemove 683 5 # the pointer inside the window (keyboard focus follows it without a window manager)
}
# quit KEYS...: leave Pembina with KEYS and wait for a clean exit.
quit() {
	keys "$@"
	wait_exit "$*"
}
newest() { find "$home" -maxdepth 1 -name "*.$1" -newer "$tmp/mark" | head -n 1; }
# The checks wait_for repeats (a command substitution in its arguments would be evaluated only once).
sql_is() { [ "$(q "$2")" = "$1" ]; }
have_new() { [ -n "$(newest "$1")" ]; }
names_again() { [ "$(grep -c "kios: daftar nama" "$log")" -ge 2 ]; }

start_display
year=$(date +%Y)

# 1 First run: the welcome page, Mulai dengan data kosong (second Tab), then the setup's steps by keyboard.
begin first-run
db=$tmp/first.db
start first-run --db "$db"
keys Tab Tab space
wait_for 20 "the setup" grep -q "halaman settings" "$log"
sleep 1
keys Tab Tab # the sidebar, then Pemerintah daerah
typ "PEMERINTAH KABUPATEN UJICOBA"
keys Tab
typ "DINAS PENDIDIKAN UJICOBA"
keys Tab
typ "Bidang Ketenagaan"
keys Tab
typ "Ujicoba"
keys Tab Tab Tab Tab space # Pilih gambar, Lewati pengaturan awal, Lewati langkah ini, Simpan & lanjut
wait_for 10 "the institution saved" sql_is "DINAS PENDIDIKAN UJICOBA|Ujicoba" "SELECT name || '|' || city FROM institution"
keys Tab Tab # from Simpan round to the sidebar, then Nama
typ "Hendra Gunawan"
keys Tab
typ "Drs."
keys Tab
typ "M.Si."
keys Tab
typ "196903091994031001"
keys Tab
typ "Kepala Dinas Pendidikan"
keys Tab Tab Tab Tab space # Lewati pengaturan awal, Kembali, Lewati langkah ini, Simpan & lanjut
wait_for 10 "the default signatory saved" sql_is "Hendra Gunawan" "SELECT s.name FROM signatory s JOIN institution i ON i.default_signatory_id = s.id"
keys space # the numbering pattern as proposed
sleep 0.5
keys Tab Tab ctrl+a # round to the JP target
typ "24"
keys Tab Tab Tab Tab space
wait_for 10 "the JP target saved" sql_is "24" "SELECT value FROM setting WHERE key = 'jp_target.PNS'"
shot 01-first-run

# 2 A program created in the window: the Program page, Ctrl+N, the form by keyboard, Enter saves.
begin program-created
keys ctrl+2
sleep 0.8
keys ctrl+n
sleep 1
code="UJI-I/$year"
typ "$code"
keys Tab
typ "Pelatihan Uji Coba"
keys Tab space # Jenis opens
keys Down Down Down Return # Pelatihan Teknis
keys Tab Tab Tab Tab Tab Tab Tab # Jenis kompetensi, Moda, Angkatan, Tahun, Penyelenggara, Tempat, Tanggal mulai
typ "07/12/$year"
keys Tab Tab
typ "08/12/$year"
keys Tab Tab
typ "16"
keys Return
wait_for 10 "the program saved" sql_is "Pelatihan Uji Coba|16" "SELECT title || '|' || total_jp FROM program WHERE code = '$code'"
shot 02-program-created

# 3 Participants enrolled: the office's list imported into Peserta (command line), then each enrolled on the
# program's Peserta tab by typing the NIP and Enter.
begin participants-enrolled
cat >"$tmp/peserta.csv" <<'EOF'
NIP,Nama,Pangkat/Golongan,Jabatan,Unit Kerja
198609262015051001,Budi Santoso S.Pd.,III/b,Guru Ahli Pertama,SDN 1 Ujicoba
196804111993031009,Asep Hidayat S.Pd.,IV/a,Guru Ahli Madya,SMPN 2 Ujicoba
196903091994032001,Siti Aminah S.Pd.,IV/a,Guru Ahli Madya,SDN 3 Ujicoba
EOF
cli --db "$db" import participants "$tmp/peserta.csv" >/dev/null || fail "import participants failed"
[ "$(q "SELECT count(*) FROM participant")" = 3 ] || fail "the import did not add 3 participants"
tabs 1 # Peserta of the program just saved, the cursor in its NIP box
for nip in 198609262015051001 196804111993031009 196903091994032001; do
	typ "$nip"
	keys Return
done
wait_for 10 "3 enrolments in $code" sql_is 3 "SELECT count(*) FROM enrolment e JOIN program p ON p.id = e.program_id WHERE p.code = '$code'"
shot 03-participants-enrolled
quit ctrl+q

# The sample data: a program running today, finished ones without certificates yet.
db=$tmp/demo.db
cli --db "$db" demo >/dev/null || fail "demo failed"
running=$(q "SELECT code FROM program WHERE status = 'running' ORDER BY start_date LIMIT 1")
finished=$(q "SELECT p.code FROM program p WHERE p.status = 'finished' AND NOT EXISTS (SELECT 1 FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id WHERE e.program_id = p.id) ORDER BY p.end_date DESC LIMIT 1")
[ -n "$running" ] && [ -n "$finished" ] || fail "the sample has no running program ($running) or finished one without certificates ($finished)"
today=$(date +%F)
session=$(q "SELECT s.id FROM session s JOIN program p ON p.id = s.program_id WHERE p.code = '$running' AND s.date = '$today' ORDER BY s.position LIMIT 1")
[ -n "$session" ] || fail "the running program $running has no session today"

# 4 Attendance by keyboard: the program opened from the list, Jadwal & Presensi, Presensi; the list has the
# keyboard: H H T H A marks the first five participants and moves on after each.
begin attendance-keyboard
start demo-window --db "$db" --page programs
open_program "$running"
tabs 2 # Jadwal & Presensi
keys ctrl+shift+Next # Presensi
sleep 1.5
keys h h t h a
marks=""
got_marks() {
	marks=$(q "SELECT group_concat(status, '') FROM (SELECT a.status FROM attendance a JOIN enrolment e ON e.id = a.enrolment_id
		JOIN participant pa ON pa.id = e.participant_id WHERE a.session_id = $session AND a.source = 'screen' ORDER BY pa.name)")
	[ "$marks" = "HHTHA" ]
}
wait_for 10 "the marks H H T H A of the first five participants in the database" got_marks
late=$(q "SELECT time FROM attendance WHERE session_id = $session AND status = 'T' AND source = 'screen'")
[[ "$late" =~ ^[0-2][0-9]:[0-5][0-9]$ ]] || fail "T stored the time '$late', want the time now (HH:MM)"
shot 04-attendance-keyboard

# 5 Certificates: the finished program's Sertifikat tab, Terbitkan & cetak semua, Enter on the dialog
# (Lanjut), Enter on the save dialog (the suggested name, in HOME).
begin certificates-issued
touch "$tmp/mark"
sleep 1
open_program "$finished"
tabs 4 # Sertifikat
sleep 1
keys ctrl+p # Cetak, on Sertifikat: Terbitkan & cetak semua…
sleep 1
keys Return # Lanjut
sleep 1.5
keys Return # Simpan, with the suggested name
wait_for 60 "the certificates' PDF in $home" have_new pdf
pdf=$(newest pdf)
wait_for 30 "the PDF written completely" pdfinfo "$pdf"
issued=$(cli --db "$db" list certificates --program "$finished" | awk -F'\t' '$1 != "" && $4 == "valid"' | wc -l)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
[ "$issued" -gt 0 ] || fail "no certificate issued for $finished"
[ "$pages" -ge "$issued" ] || fail "the PDF has $pages pages for $issued certificates"
shot 05-certificates-issued
keys Return # Tutup

# 6 The leadership workbook: Laporan (Ctrl+5), Ctrl+E, Enter on the save dialog.
begin workbook-exported
touch "$tmp/mark"
sleep 1
keys ctrl+5
sleep 1
keys ctrl+e
sleep 1.5
keys Return
wait_for 60 "the workbook in $home" have_new xlsx
xlsx=$(newest xlsx)
wait_for 30 "a complete workbook" unzip -tq "$xlsx"
sheets=$(unzip -Z1 "$xlsx" | grep -c '^xl/worksheets/sheet' || true)
[ "$sheets" -ge 5 ] || fail "$xlsx holds $sheets worksheets"
[ "$(unzip -p "$xlsx" xl/workbook.xml | grep -c 'name="Ringkasan"' || true)" -ge 1 ] || fail "$xlsx has no Ringkasan sheet"
shot 06-workbook-exported
keys Return # Tutup

# The kiosk opened from the window hides the coordinator's window until it is left.
begin kiosk-from-window
visible_windows() { for w in $(DISPLAY=$disp xdotool search --onlyvisible --pid "$apid" 2>/dev/null); do DISPLAY=$disp xdotool getwindowname "$w"; done; }
only_kiosk() { [ "$(visible_windows)" = "$(visible_windows | grep '^Mode kios')" ] && visible_windows | grep -q '^Mode kios'; }
main_back() { visible_windows | grep -q '^Pembina' && ! visible_windows | grep -q '^Mode kios'; }
open_program "$running"
tabs 3 # Evaluasi, its first form chosen and the keyboard on its Mode kios
sleep 0.5
keys space
wait_for 10 "the kiosk alone on screen (visible: $(visible_windows | tr '\n' ' '))" only_kiosk
shot 07-kiosk-from-window
keys Escape Return # no PIN yet: a confirmation
wait_for 10 "the coordinator's window back" main_back
quit ctrl+q

# 7 The kiosk at the door: the running program's organisation evaluation; a participant who has not answered
# types their name and taps it (the only name left, the list's first row), answers every pair with 4 and Ya
# from the keyboard (Tab, Space), writes a remark, and taps Kirim jawaban in the footer, which spans the
# form's width at the bottom of the screen. The response is then counted in the program.
begin kiosk-submitted
pf=$(q "SELECT pf.id FROM program_form pf JOIN program p ON p.id = pf.program_id JOIN form f ON f.id = pf.form_id WHERE p.code = '$running' AND f.kind = 'organisation'")
form=$(q "SELECT form_id FROM program_form WHERE id = $pf")
who=$(q "SELECT pa.name FROM enrolment e JOIN participant pa ON pa.id = e.participant_id JOIN program p ON p.id = e.program_id
	WHERE p.code = '$running' AND NOT EXISTS (SELECT 1 FROM response r WHERE r.program_form_id = $pf AND r.participant_id = pa.id) ORDER BY pa.name LIMIT 1")
before=$(q "SELECT count(*) FROM response WHERE program_form_id = $pf")
[ "$(q "SELECT count(*) FROM question q WHERE q.form_id = $form AND q.kind = 'importance_performance' AND NOT q.hidden")" = 8 ] ||
	fail "the sample's organisation form no longer has 8 paired questions; adjust the keys below"
start kiosk --db "$db" kiosk --program "$running" --form "$form"
wait_for 20 "the names" grep -q "kios: [0-9]* nama" "$log"
typ "$who"
sleep 0.5
click 683 275 # the first (only) name listed under the search
wait_for 10 "the form of $who" grep -q "kios: formulir" "$log"
sleep 0.5
for _ in 1 2 3 4 5 6 7 8; do
	keys Tab Tab Tab Tab space Tab Tab Tab Tab space # importance 4, performance 4
done
keys Tab space # Ya
keys Tab Tab
typ "Materi sangat bermanfaat"
shot 08-kiosk-answered
click 683 733 # Kirim jawaban, the footer's button
wait_for 20 "the thank-you screen" grep -q "kios: jawaban terkirim" "$log"
shot 09-kiosk-submitted
after=$(q "SELECT count(*) FROM response WHERE program_form_id = $pf")
[ "$after" -eq $((before + 1)) ] || fail "the program's responses went from $before to $after, want one more"
[ "$(q "SELECT r.source FROM response r JOIN participant pa ON pa.id = r.participant_id WHERE r.program_form_id = $pf AND pa.name = '${who//\'/\'\'}'")" = app ] ||
	fail "no kiosk response of $who"
[ "$(q "SELECT a.text FROM answer a JOIN response r ON r.id = a.response_id JOIN participant pa ON pa.id = r.participant_id WHERE r.program_form_id = $pf AND pa.name = '${who//\'/\'\'}' AND a.text LIKE 'Materi%'")" = "Materi sangat bermanfaat" ] ||
	fail "the remark typed in the kiosk was not stored"
wait_for 15 "the names again after the thanks" names_again
# The PIN the coordinator set (Pengaturan > Mode kios stores it hashed): Escape asks for it, a wrong one keeps
# the kiosk, the right one closes it.
q "INSERT INTO setting (key, value) VALUES ('kiosk_pin', 'sha256:$(printf '%s' 'pembina-kiosk-pin:2468' | sha256sum | cut -d' ' -f1)')"
keys Escape
typ "1111"
keys Return
sleep 1
kill -0 "$apid" 2>/dev/null || fail "a wrong PIN closed the kiosk"
shot 10-kiosk-wrong-pin
typ "2468"
quit Return

echo "e2e passed in $((SECONDS - started)) s: first run with setup, program $code created, 3 participants enrolled," \
	"attendance HHTHA by keyboard (T at $late), $issued certificates of $finished in a $pages-page PDF," \
	"the workbook exported, a kiosk response by $who on $running, the kiosk left with its PIN; screenshots in $out"

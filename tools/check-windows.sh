#!/usr/bin/env bash
# check-windows.sh EXE: the Windows package is what an office laptop can run: a 64-bit PE, a GUI program (no
# console window behind it), with resources (icon, version information, manifest) and no DLL beyond Windows'
# own (a mingw runtime DLL such as libwinpthread-1.dll would be missing on the laptop).
set -euo pipefail
exe=${1:?usage: check-windows.sh EXE}
objdump=x86_64-w64-mingw32-objdump
fail() { echo "check-windows: $exe: $*" >&2; exit 1; }
headers=$($objdump -p "$exe")
grep -qE '^Magic[[:space:]]+020b' <<<"$headers" || fail "not a 64-bit (PE32+) program"
grep -qE '^Subsystem[[:space:]]+0+2[[:space:]]+\(Windows GUI\)' <<<"$headers" || fail "not a GUI program: a console window would open"
$objdump -h "$exe" | grep -q '\.rsrc' || fail "no resources: icon and version information are missing"
LC_ALL=C grep -qaP 'P\x00r\x00o\x00d\x00u\x00c\x00t\x00V\x00e\x00r\x00s\x00i\x00o\x00n\x00' "$exe" || fail "no version information"
dlls=$(awk '/DLL Name:/ {print $3}' <<<"$headers" | sort -u)
foreign=$(grep -viE '^(kernel32|user32|gdi32|opengl32|shell32|advapi32|ole32|oleaut32|winmm|ws2_32|msvcrt|ntdll|imm32|comdlg32|comctl32|dwmapi|shcore|uxtheme|version|setupapi|bcrypt|crypt32|powrprof|secur32|userenv|dbghelp|api-ms-win-.*)\.dll$' <<<"$dlls" || true)
[ -z "$foreign" ] || fail "needs DLLs Windows does not have: $foreign"
echo "check-windows: $exe is a 64-bit GUI program with icon and version information, $(wc -c <"$exe") bytes; DLLs: $(echo $dlls)"

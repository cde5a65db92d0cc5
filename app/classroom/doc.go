// Package classroom is Mode Kelas: a small web server on the coordinator's laptop that participants open on
// their own phones, over the laptop's own network and without internet, to check in to a session and to
// answer the program's evaluation forms. The window (Jadwal & Presensi, Evaluasi) and `pembina serve` start
// the same Server.
//
// The rules it keeps, with the data functions the window uses (data/store):
//
//   - Check-in needs a participant enrolled in the program (NIP, typed with or without spaces and dots) and the
//     code shown on the laptop. The code changes every few minutes; the current and the previous one are
//     accepted, so that a participant typing while it changes is not refused. A participant who does not know
//     their NIP (or has none) picks their name instead: after three typed letters the matching names are listed
//     with their units, never with a NIP, at most MaxPicks of them, each standing for an opaque value.
//   - Check-in is open from 60 minutes before the session starts until it ends. Up to the grace period after
//     the start (a setting, 15 minutes unless changed) the mark is H; later it is T with the time of arrival.
//     A mark that exists already (keyed by the coordinator, or an earlier check-in) is kept: one mark per
//     participant per session.
//   - Times are the laptop's clock, in its own time zone: the session's date and start and end times are read
//     as local times. A check-in mark is stored as the window's marks are (source "screen") with the note
//     CheckInNote, so that the attendance grid shows where it came from.
//   - A checked-in participant sees the forms attached to the program that are open today and meant for
//     participants (named or anonymous; a superior's form is not answered on the participant's phone). One
//     response per participant per form (per speaker on a speaker form): sending again replaces the earlier
//     one while the form is open. An anonymous form is stored without the participant; the server remembers
//     in memory only that the participant sent it, so that it is not sent twice while Mode Kelas runs.
//   - A form with sections shows one at a time; the answers of the others travel as hidden fields and nothing
//     is stored before the last section's Kirim.
//   - A response is stored whole or not at all: the body is read and checked completely before one
//     transaction stores it, so a phone that loses the connection halfway leaves nothing behind.
//
// The pages are in Indonesian only: they are read by participants, not by the coordinator.
//
// Privacy and safety: no page shows a NIP or another participant's data; every address starts with a random
// token made when the server starts, so that a guessed address reaches nothing; a participant is recognised
// by a random ticket in a cookie, never by a NIP in the page; POSTs from other sites are refused
// (http.CrossOriginProtection); bodies are limited to MaxBody and connections have timeouts; wrong codes and
// unknown NIPs from one client are counted and, past a limit, refused for a while; the server listens only on
// the address chosen and only serves its own pages (no files, no directory listings, nothing from outside the
// binary).
package classroom

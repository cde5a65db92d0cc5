package cli

import "strings"

// commandTable is every command of the command line, in the order `pembina help` lists them (by name). A new
// command is a file of its own in app/cli with its test beside it, and a line here.
func commandTable() []command {
	return []command{
		{name: "backup", usage: "backup BERKAS", summary: "tulis salinan basis data yang utuh", run: runBackup},
		{name: "brief", usage: "brief --year TTTT [--from TANGGAL --to TANGGAL] [--unit TEKS] --out BERKAS.pdf",
			summary: "ringkasan pimpinan satu halaman: angka utama, capaian 20 JP per unit, temuan", run: runBrief},
		{name: "certificate-register", usage: "certificate-register --program KODE --out BERKAS.xlsx",
			summary: "tulis register sertifikat program sebagai xlsx", run: runCertificateRegister},
		{name: "certificate-reissue", usage: "certificate-reissue NOMOR --reason ALASAN",
			summary: "terbitkan ulang satu sertifikat dengan data peserta dan program sekarang, nomor tetap", run: runCertificateReissue},
		{name: "certificates", usage: "certificates --program KODE --out BERKAS [--split] [--allow-unmarked ALASAN]",
			summary: "terbitkan dan cetak sertifikat program dalam satu PDF (--split: satu berkas per peserta di folder; " +
				"--allow-unmarked: terbitkan walau presensi sesi yang sudah lewat belum diisi, dengan alasannya)", run: runCertificates},
		{name: "demo", usage: "demo [--large]", summary: "isi basis data kosong dengan data contoh", run: runDemo},
		{name: "followup", usage: "followup --year TTTT [--unit TEKS] --out FOLDER",
			summary: "tindak lanjut JP: nota dinas per unit kerja dan daftar pegawai di bawah target", run: runFollowUp},
		{name: "import", usage: "import JENIS BERKAS [opsi]", summary: "impor berkas (participants, …); lihat pembina import", run: runImport},
		{name: "invitations", usage: "invitations --program KODE --out BERKAS.pdf [--per-unit] [--dress TEKS]",
			summary: "surat undangan program: satu per peserta, atau satu per kepala unit kerja dengan lampiran nama", run: runInvitations},
		{name: "key", usage: "key export [--out BERKAS] | key trust BERKAS [--label NAMA]",
			summary: "ekspor kunci publik sertifikat, atau percayai kunci kantor lain", run: runKey},
		{name: "kiosk", usage: "kiosk --program KODE [--form ID]",
			summary: "mode kios layar penuh untuk mengisi evaluasi (laptop di pintu ruangan)", run: runKiosk},
		{name: "list", usage: "list JENIS [--program KODE]", summary: "cetak daftar (programs, participants, sessions, …) dipisah tab", run: runList},
		{name: "restore", usage: "restore CADANGAN", summary: "ganti basis data dengan cadangan (berkas lama disimpan di sampingnya)",
			run: runRestore, ownStore: true},
		{name: "serve", usage: "serve --program KODE [--session N] [--addr HOST:PORT]",
			summary: "Mode Kelas tanpa jendela: presensi dan evaluasi dari ponsel peserta", run: runServe},
		{name: "sign-in-sheet", usage: "sign-in-sheet --program KODE [--session N] [--paper A4|F4] --out BERKAS.pdf",
			summary: "cetak daftar hadir satu sesi atau semua sesi (PDF)", run: runSignInSheet},
		{name: "summary", usage: "summary --program KODE --out BERKAS.pdf",
			summary: "laporan evaluasi program (PDF) untuk dilampirkan pada surat resmi", run: runSummary},
		{name: "verify", usage: "verify TEKS", summary: "periksa teks kode QR sertifikat (kode keluar 0 hanya bila sah)", run: runVerify},
		{name: "workbook", usage: "workbook --year TTTT [--from TANGGAL --to TANGGAL] [--unit TEKS] --out BERKAS.xlsx",
			summary: "buku kerja Excel untuk pimpinan: setahun, rentang tanggal, satu unit kerja", run: runWorkbook},
	}
}

// listers are the kinds `pembina list` knows, each printing one kind of record.
func listers() map[string]listEntry {
	return map[string]listEntry{
		"attendance":   {listAttendance, true},
		"certificates": {listCertificates, true},
		"forms":        {listForms, false},
		"participants": {listParticipants, false},
		"programs":     {listPrograms, false},
		"sessions":     {listSessions, true},
	}
}

// importKinds are the kinds of file `pembina import` reads.
func importKinds() map[string]importKind {
	return map[string]importKind{
		"attendance": {usage: strings.TrimPrefix(importAttendanceUsage, "import "),
			summary: "impor laporan peserta rapat daring (Zoom) ke satu sesi", run: runImportAttendance},
		"participants": {usage: "participants BERKAS [--program KODE] [--dry-run] [--skip-invalid]",
			summary: "impor daftar peserta (.xlsx atau .csv)", run: runImportParticipants},
		"responses": {usage: "responses BERKAS --program KODE [--form ID | --new-form] [--speaker NAMA] [--skip-invalid] [--dry-run]",
			summary: "impor jawaban evaluasi dari Google Forms (.csv, .xlsx)", run: runImportResponses},
	}
}

package data

// InvitationPlaceholders are the placeholders of the surat undangan body (see FillLetterBody).
var InvitationPlaceholders = []string{"program", "kode", "tanggal", "waktu", "tempat", "pakaian", "penyelenggara", "jp",
	"peserta", "jumlah", "unit", "nama", "instansi"}

// DefaultDressCode is what an invitation asks participants to wear unless the coordinator says otherwise.
const DefaultDressCode = "Pakaian Dinas Harian (PDH)"

// DefaultInvitationBody is the built-in body of the surat undangan to a program: the details block of the day,
// time, place, event and dress code, then the invitation itself. {peserta} is "Saudara" in a letter to one
// participant and the unit's people "sebagaimana tercantum dalam lampiran" in a letter to a unit head.
const DefaultInvitationBody = `Dalam rangka pengembangan kompetensi Aparatur Sipil Negara, {penyelenggara} akan menyelenggarakan {program} yang akan dilaksanakan pada:

| Hari/tanggal | {tanggal}
| Waktu | {waktu}
| Tempat | {tempat}
| Acara | {program} ({jp} JP)
| Pakaian | {pakaian}

Sehubungan dengan hal tersebut, kami mengundang {peserta} untuk hadir sebagai peserta. Peserta diharapkan hadir 30 (tiga puluh) menit sebelum acara dimulai dan membawa alat tulis.

Demikian undangan ini disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.`

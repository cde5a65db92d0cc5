package sample

// Name parts and places for the sample data: a regency in West Java, its schools and offices. Invented, but
// the kind of names a Dinas Pendidikan's lists are full of.

var maleNames = []string{"Asep", "Dedi", "Ujang", "Cecep", "Agus", "Budi", "Dadang", "Hendra", "Iwan", "Yayan", "Rudi",
	"Wawan", "Eko", "Joko", "Ahmad", "Muhammad", "Rizki", "Dimas", "Fajar", "Yusuf", "Ridwan", "Taufik", "Irfan", "Ade",
	"Jajang", "Nana", "Tatang", "Deden", "Dodi", "Endang", "Hadi", "Ilham", "Kusnadi", "Lukman", "Maman", "Nandang",
	"Opik", "Pepen", "Rahmat", "Saepul", "Tedi", "Usep", "Wahyu", "Yudi", "Zaenal", "Aris", "Bayu", "Candra", "Galih"}

var femaleNames = []string{"Siti", "Euis", "Neneng", "Iis", "Lilis", "Yuyun", "Rina", "Dewi", "Sri", "Nurul", "Ai",
	"Eneng", "Tuti", "Wulan", "Fitri", "Rika", "Nining", "Yeni", "Lina", "Indah", "Ratna", "Dian", "Wida", "Rosita", "Nia",
	"Ani", "Cucu", "Dedeh", "Elis", "Heni", "Imas", "Komala", "Leni", "Mimin", "Nunung", "Popon", "Resti", "Santi",
	"Tita", "Umi", "Vina", "Yanti", "Zahra", "Anisa", "Citra", "Desi", "Evi", "Gita", "Hani"}

// Second names follow the first name's sex: Indonesian names have no family name, and "Siti Hidayat" reads
// wrong where "Siti Nurhayati" does not.
var maleSecondNames = []string{"Saepudin", "Sopandi", "Hidayat", "Rahmat", "Permana", "Kurniawan", "Setiawan",
	"Gunawan", "Suryana", "Mulyana", "Nugraha", "Hermawan", "Sulaeman", "Ruhiyat", "Solihin", "Sutisna", "Supriatna",
	"Ramdani", "Firmansyah", "Kusumah", "Wijaya", "Sugiarto", "Purnama", "Suherman", "Ardiansyah", "Jamaludin",
	"Hakim", "Nurdin", "Syarifudin", "Maulana"}

var femaleSecondNames = []string{"Komariah", "Rohmah", "Nurhayati", "Maryati", "Rahayu", "Wulandari", "Lestari",
	"Susanti", "Fauziah", "Aminah", "Sumarni", "Kartika", "Handayani", "Pratiwi", "Sukmawati", "Hasanah", "Rostika",
	"Sundari", "Apriyani", "Mardiana", "Nurjanah", "Safitri", "Anggraeni", "Rosmiati", "Permatasari", "Puspitasari",
	"Oktaviani", "Marlina", "Yulianti", "Kurniasih"}

var districts = []string{"Sukamaju", "Cibeureum", "Cikadu", "Margaluyu", "Sindangsari", "Cipeundeuy", "Tanjungwangi",
	"Rancakalong", "Situraja", "Darmaraja", "Cisitu", "Pasirjambu"}

var birthPlaces = []string{"Sukamaju", "Bandung", "Sumedang", "Garut", "Tasikmalaya", "Ciamis", "Cirebon", "Majalengka",
	"Kuningan", "Subang", "Purwakarta", "Cianjur", "Bogor", "Jakarta", "Brebes"}

var offices = []string{"Sekretariat Dinas Pendidikan", "Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama",
	"Bidang Pendidikan Anak Usia Dini dan Nonformal", "Bidang Pembinaan Ketenagaan", "Subbagian Umum dan Kepegawaian",
	"Subbagian Perencanaan dan Keuangan"}

var speakers = []string{"Dr. Hendra Gunawan, M.Kom.", "Rina Kartika, S.Kom., M.T.", "Drs. Agus Salim, M.Si.",
	"Prof. Dr. Yuni Rahayu, M.Pd.", "Ir. Bambang Sutrisno, M.M.", "Dian Permatasari, S.Psi., M.Psi.",
	"Nurhadi, S.H., M.H.", "Teguh Santoso, S.Sos., M.A.P.", "Dra. Hj. Lilis Suryani, M.Pd.", "Arief Rahman, S.T., M.B.A."}

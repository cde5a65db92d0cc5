package data

// CertificateKinds are the documents Pembina prints for a program, with their default titles.
var CertificateKinds = []struct {
	Code  string
	Title string
}{
	{"sertifikat", "SERTIFIKAT"},
	{"sttp", "SURAT TANDA TAMAT PELATIHAN"},
	{"piagam", "PIAGAM PENGHARGAAN"},
}

// CertificateTitle returns the default title of a certificate kind.
func CertificateTitle(kind string) string {
	for _, k := range CertificateKinds {
		if k.Code == kind {
			return k.Title
		}
	}
	return "SERTIFIKAT"
}

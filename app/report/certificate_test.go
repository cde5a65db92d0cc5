package report

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

var testKey = func() ed25519.PrivateKey {
	_, k, _ := ed25519.GenerateKey(rand.Reader)
	return k
}()

// longName is 120 characters with its titles.
const longName = "Prof. Dr. Hj. Raden Roro Siti Nurhasanah Kusumawardhani Wiryaatmadja Tjokrohadisurjo, S.Pd., M.Pd., M.Si., Ph.D."

func testBatch(n int) *CertificateBatch {
	p := &data.Program{ID: 1, Code: "PTD-I/2026", Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", Kind: "Pelatihan Teknis",
		Batch: 1, BudgetYear: 2026, Organiser: "Dinas Pendidikan Kabupaten Sukamaju", Place: "Aula Dinas Pendidikan Kabupaten Sukamaju",
		StartDate: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), TotalJP: 30}
	g := &data.Signatory{ID: 1, Name: "Asep Saepudin", FrontTitle: "Dr. H.", BackTitle: "M.Pd.", NIP: "197203151998031004",
		Position: "Kepala Dinas Pendidikan", RankCode: "IV/c"}
	in := institution()
	in.ParentName, in.Name = "Pemerintah Kabupaten Sukamaju", "Dinas Pendidikan"
	d := &data.CertificateDesign{Kind: "sertifikat", Title: "SERTIFIKAT", Orientation: "landscape", SignatureMode: "none"}
	b := &CertificateBatch{Institution: in, Program: p, Design: d, Signatory: g,
		Subjects: []*data.Subject{{Name: "Literasi Digital bagi Guru", JP: 6}, {Name: "Platform Pembelajaran Daring", JP: 8},
			{Name: "Pembuatan Konten Ajar Interaktif", JP: 10}, {Name: "Asesmen Berbasis Digital", JP: 6}}}
	for i := 0; i < n; i++ {
		score := 70 + float64(i%30)
		c := &data.Certificate{ID: int64(i + 1), ParticipantID: int64(i + 1), Number: fmt.Sprintf("800/%03d/DISDIK/XI/2026", i+1),
			HolderName: fmt.Sprintf("Peserta Nomor %04d, S.Pd.", i+1), NIP: fmt.Sprintf("198609262015051%03d", i%999+1),
			RankCode: "III/b", Position: "Guru Ahli Pertama", Unit: "SMP Negeri 1 Sukamaju", Agency: "Dinas Pendidikan Kabupaten Sukamaju",
			Role: data.RoleParticipant, FinalScore: &score, IssuedOn: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}
		c.Payload = data.SignClaim(data.ClaimOf(p, c), testKey)
		b.Certificates = append(b.Certificates, c)
	}
	return b
}

func encodeAll(t testing.TB, b *CertificateBatch) []pdf.QRCode {
	codes, _, err := CertificateQRs(context.Background(), b.Certificates, nil)
	if err != nil {
		t.Fatal(err)
	}
	return codes
}

func TestCertificatesReadBack(t *testing.T) {
	b := testBatch(4)
	b.Certificates[1].HolderName = longName
	b.Certificates[2].NIP = "" // a non-ASN participant
	b.Certificates[2].FinalScore = nil
	var buf bytes.Buffer
	if err := WriteCertificates(context.Background(), &buf, b, encodeAll(t, b), nil); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, buf.Bytes())
	if pages != 4 {
		t.Errorf("%d pages for 4 certificates", pages)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, c := range b.Certificates {
		if !strings.Contains(flat, "Nomor: "+c.Number) {
			t.Errorf("number %s missing", c.Number)
		}
	}
	for _, want := range []string{"Peserta Nomor 0001, S.Pd.", "Kusumawardhani", "Ph.D.", "NIP : 19860926 201505 1 001",
		"SERTIFIKAT", "TELAH MENGIKUTI", "PEMERINTAH KABUPATEN SUKAMAJU", "30 (tiga puluh) jam pelajaran",
		"dengan predikat CUKUP MEMUASKAN", "Sukamaju, 28 November 2026", "KEPALA DINAS PENDIDIKAN,", "Dr. H. Asep Saepudin, M.Pd.",
		"NIP. 19720315 199803 1 004", "3 s.d. 5 November 2026"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestLongNameStaysInside lays out a 120-character name and checks that no text leaves the content area.
func TestLongNameStaysInside(t *testing.T) {
	for _, orientation := range []string{"landscape", "portrait"} {
		b := testBatch(1)
		b.Design.Orientation = orientation
		b.Design.SubjectsPage = true
		c := b.Certificates[0]
		c.HolderName = longName
		c.Position = "Kepala Sub Bagian Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Dinas Pendidikan dan Kebudayaan"
		pages, _, err := PreviewCertificate(b, c, encodeAll(t, b)[0])
		if err != nil {
			t.Fatal(err)
		}
		doc := newCertificateDocument(b.Design, "")
		m := measurer{doc}
		for pi, p := range pages {
			for _, op := range p.Ops {
				if op.Kind != OpText {
					continue
				}
				if w := m.width(op.Text, op.Style, op.Size); w > op.W+0.01 {
					t.Errorf("%s page %d: %q is %.1f mm wide in a %.1f mm box", orientation, pi+1, op.Text, w, op.W)
				}
				if op.X < 12 || op.X+op.W > p.W-12 || op.Y < 12 || op.Y+op.H > p.H-10 {
					t.Errorf("%s page %d: %q at (%.1f, %.1f) %.1f × %.1f leaves the frame", orientation, pi+1, op.Text, op.X, op.Y, op.W, op.H)
				}
			}
		}
		var name []string
		for _, op := range pages[0].Ops {
			if op.Style == "B" && op.Color == navy && op.Size < 22 && op.Size >= 10 {
				name = append(name, op.Text)
			}
		}
		if got := strings.Join(name, " "); !strings.Contains(got, "Kusumawardhani") {
			t.Errorf("%s: the long name is not printed whole: %q", orientation, got)
		}
	}
}

func TestCertificateBadInput(t *testing.T) {
	ctx := context.Background()
	write := func(b *CertificateBatch) error {
		var buf bytes.Buffer
		err := WriteCertificates(ctx, &buf, b, encodeAll(t, b), nil)
		if err != nil && buf.Len() > 0 {
			t.Errorf("%d bytes written despite %v", buf.Len(), err)
		}
		return err
	}
	b := testBatch(0)
	if err := write(b); err == nil {
		t.Error("an empty batch made a PDF")
	}
	b = testBatch(1)
	b.Institution.Logo = []byte("\x89PNG\r\n\x1a\nnot really")
	if err := write(b); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(strings.ToLower(err.Error()), "logo") {
		t.Errorf("corrupt logo: %v", err)
	}
	b = testBatch(1)
	b.Design.Background = testPNG(300, 200)[:60]
	if err := write(b); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(strings.ToLower(err.Error()), "latar") {
		t.Errorf("corrupt background: %v", err)
	}
	b = testBatch(1)
	b.Design.SubjectsPage = true
	b.Subjects = b.Subjects[1:]
	if err := write(b); err == nil || !strings.Contains(err.Error(), "(24) tidak sama dengan JP program di halaman pertama (30)") {
		t.Errorf("subjects not adding up: %v", err)
	}
	b = testBatch(1)
	b.Design.SignatureMode = "image"
	if err := write(b); err == nil || !strings.Contains(err.Error(), "belum memiliki gambar tanda tangan") {
		t.Errorf("signature image missing: %v", err)
	}
	b = testBatch(1)
	b.Design.Body = "# {nama}\n" + strings.Repeat("Kalimat yang sangat panjang sekali untuk mengisi halaman sertifikat. ", 120)
	if err := write(b); err == nil || !strings.Contains(err.Error(), "terlalu panjang") {
		t.Errorf("a body too long: %v", err)
	}
}

func TestCertificateDesignsRender(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(b *CertificateBatch)
	}{
		{"portrait_sttp_box", func(b *CertificateBatch) {
			b.Design.Orientation, b.Design.Kind, b.Design.Title, b.Design.SignatureMode = "portrait", "sttp", "SURAT TANDA TAMAT PELATIHAN", "box"
			b.Design.SubjectsPage = true
		}},
		{"piagam_background_signature", func(b *CertificateBatch) {
			b.Design.Kind, b.Design.Title, b.Design.SignatureMode = "piagam", "PIAGAM PENGHARGAAN", "image"
			b.Design.Background = testPNG(297, 210)
			b.Signatory.Signature = testPNG(200, 80)
			b.Signatory.Delegation, b.Signatory.OnBehalfOf, b.Signatory.Position = "a.n.", "Kepala Dinas Pendidikan", "Sekretaris"
			b.Certificates[0].Role = data.RoleSpeaker
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := testBatch(2)
			tt.edit(b)
			var buf bytes.Buffer
			if err := WriteCertificates(context.Background(), &buf, b, encodeAll(t, b), nil); err != nil {
				t.Fatal(err)
			}
			text, pages := pdfText(t, buf.Bytes())
			want := 2
			if b.Design.SubjectsPage {
				want = 4
			}
			if pages != want {
				t.Errorf("%d pages, want %d", pages, want)
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, s := range []string{b.Design.Title, b.Certificates[1].HolderName} {
				if !strings.Contains(flat, s) {
					t.Errorf("PDF lacks %q", s)
				}
			}
			if b.Design.SubjectsPage && (!strings.Contains(flat, "DAFTAR MATA PELATIHAN") || !strings.Contains(flat, "JUMLAH 30")) {
				t.Errorf("subjects page incomplete:\n%s", text)
			}
			if b.Design.SignatureMode == "box" && !strings.Contains(flat, "Tempat tanda tangan elektronik") {
				t.Error("no box for the electronic signature")
			}
			if tt.name == "piagam_background_signature" && (!strings.Contains(flat, "a.n. KEPALA DINAS PENDIDIKAN,") || !strings.Contains(flat, "sebagai Narasumber")) {
				t.Errorf("delegation or role missing:\n%s", flat)
			}
		})
	}
}

func TestSplitFiles(t *testing.T) {
	b := testBatch(3)
	b.Certificates[1].NIP = ""
	b.Certificates[1].HolderName = `Budi "Bule" Santoso/Susanto, S.T.`
	dir := filepath.Join(t.TempDir(), "sertifikat")
	paths, err := WriteCertificateFiles(context.Background(), dir, b, encodeAll(t, b), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"198609262015051001_Peserta Nomor 0001, S.Pd.pdf", "2_Budi Bule Santoso Susanto, S.T.pdf",
		"198609262015051003_Peserta Nomor 0003, S.Pd.pdf"}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("file %d = %q, want %q", i, filepath.Base(p), want[i])
		}
		b, _ := os.ReadFile(p)
		if _, pages := pdfText(t, b); pages != 1 {
			t.Errorf("%s has %d pages", p, pages)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries in the folder", len(entries))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	other := filepath.Join(t.TempDir(), "batal")
	if _, err := WriteCertificateFiles(ctx, other, b, encodeAll(t, b), nil); err == nil {
		t.Error("a cancelled split succeeded")
	}
	if entries, _ := os.ReadDir(other); len(entries) != 0 {
		t.Errorf("a cancelled split left %d files", len(entries))
	}
}

// TestQRDecodes renders a certificate, rasterises it with pdftoppm and decodes the QR code with zbarimg: the
// text read back is the signed text, whole.
func TestQRDecodes(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (poppler-utils, zbar-tools); `make deps` installs both", tool)
		}
	}
	b := testBatch(1)
	b.Certificates[0].HolderName = longName
	b.Certificates[0].Payload = data.SignClaim(data.ClaimOf(b.Program, b.Certificates[0]), testKey)
	var buf bytes.Buffer
	if err := WriteCertificates(context.Background(), &buf, b, encodeAll(t, b), nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "c.pdf")
	os.WriteFile(pdfPath, buf.Bytes(), 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-png", pdfPath, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 1 {
		t.Fatalf("%d pages rasterised", len(pngs))
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", "-Sbinary", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	got := strings.TrimRight(string(out), "\n")
	if got != b.Certificates[0].Payload {
		t.Errorf("decoded %q\nwant    %q", got, b.Certificates[0].Payload)
	}
	pub := testKey.Public().(ed25519.PublicKey)
	v, _ := data.VerifyCertificate(got, []data.TrustedKey{{Public: pub, Own: true}}, func(string) (*data.Certificate, error) {
		return b.Certificates[0], nil
	})
	if v.Verdict != data.VerdictValid {
		t.Errorf("decoded text verifies as %s: %s", v.Verdict, v.Reason)
	}
}

func TestQRMarshalRoundTrip(t *testing.T) {
	q, err := pdf.EncodeQR(testBatch(1).Certificates[0].Payload)
	if err != nil {
		t.Fatal(err)
	}
	back, ok := pdf.UnmarshalQR(pdf.MarshalQR(q))
	if !ok || back.Size != q.Size {
		t.Fatalf("round trip: %v %d", ok, back.Size)
	}
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; x++ {
			if q.Dark(x, y) != back.Dark(x, y) {
				t.Fatalf("module %d,%d differs", x, y)
			}
		}
	}
	if _, ok := pdf.UnmarshalQR([]byte{0, 57, 1, 2}); ok {
		t.Error("a cut code was accepted")
	}
}

// TestCertificateRoleTextEveryDesign prints every built-in design, in both orientations, for a participant, a
// speaker, a moderator and a committee member, and reads each page back: the participant who passed is
// "LULUS" where the kind grants a pass (never on a piagam), the others are "sebagai Narasumber/Moderator/Panitia"
// without a pass or a predicate.
func TestCertificateRoleTextEveryDesign(t *testing.T) {
	for _, k := range data.CertificateKinds {
		for _, orientation := range []string{"landscape", "portrait"} {
			t.Run(k.Code+"_"+orientation, func(t *testing.T) {
				b := testBatch(len(data.EnrolmentRoles))
				b.Design.Kind, b.Design.Title, b.Design.Orientation = k.Code, data.CertificateTitle(k.Code), orientation
				for i, role := range data.EnrolmentRoles {
					c := b.Certificates[i]
					c.Role = role
					if role != data.RoleParticipant {
						c.FinalScore = nil
					}
					c.Payload = data.SignClaim(data.ClaimOf(b.Program, c), testKey)
				}
				var buf bytes.Buffer
				if err := WriteCertificates(context.Background(), &buf, b, encodeAll(t, b), nil); err != nil {
					t.Fatal(err)
				}
				text, pages := pdfText(t, buf.Bytes())
				if pages != len(data.EnrolmentRoles) {
					t.Fatalf("%d pages for %d certificates", pages, len(data.EnrolmentRoles))
				}
				for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
					role := b.Certificates[i].Role
					flat := strings.Join(strings.Fields(page), " ")
					upper := strings.ToUpper(flat)
					if !strings.Contains(flat, b.Certificates[i].HolderName) {
						t.Fatalf("page %d is not %s's: %s", i+1, b.Certificates[i].HolderName, flat)
					}
					switch {
					case role != data.RoleParticipant:
						if !strings.Contains(flat, "sebagai "+role.Label()) || strings.Contains(upper, "LULUS") || strings.Contains(upper, "PREDIKAT") {
							t.Errorf("a %s reads: %s", role.Label(), flat)
						}
					case k.Code == "piagam":
						if strings.Contains(upper, "LULUS") {
							t.Errorf("a piagam calls the participant lulus: %s", flat)
						}
					default:
						if !strings.Contains(upper, "DINYATAKAN LULUS") || !strings.Contains(flat, "predikat") {
							t.Errorf("a participant who passed reads: %s", flat)
						}
					}
					for _, other := range data.EnrolmentRoles {
						if other != role && other != data.RoleParticipant && strings.Contains(flat, "sebagai "+other.Label()) {
							t.Errorf("a %s's page says sebagai %s: %s", role.Label(), other.Label(), flat)
						}
					}
				}
			})
		}
	}
}

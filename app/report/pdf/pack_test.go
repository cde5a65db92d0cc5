package pdf

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// TestPackStreams checks the packed document against the plain one: every cross-reference entry points at
// its object, every packed stream inflates to the plain stream, and nothing else changed.
func TestPackStreams(t *testing.T) {
	pdf := packTestDocument(t)
	var plain bytes.Buffer
	if err := Finish(pdf, &plain); err != nil {
		t.Fatal(err)
	}
	packed, ok := pack(plain.Bytes())
	if !ok {
		t.Fatal("fpdf's output was not recognised")
	}
	if len(packed) >= plain.Len()*2/3 {
		t.Errorf("packed %d bytes of %d", len(packed), plain.Len())
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(packed)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(packed[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	entries := regexp.MustCompile(`(?m)^(\d{10}) 00000 n $`).FindAllSubmatch(packed[xref:], -1)
	streams := 0
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		head := strconv.Itoa(i+1) + " 0 obj\n"
		if !bytes.HasPrefix(packed[off:], []byte(head)) {
			t.Fatalf("entry %d points at %q", i+1, packed[off:off+20])
		}
		if s := plainStream(packed[off:], i+1); s != nil {
			t.Errorf("object %d is still a plain stream", i+1)
		}
		if bytes.HasPrefix(packed[off+len(head):], []byte("<</Filter /FlateDecode /Length ")) {
			rest := packed[off+len(head)+len("<</Filter /FlateDecode /Length "):]
			n, _ := strconv.Atoi(string(rest[:bytes.IndexByte(rest, '>')]))
			start := bytes.Index(rest, []byte("stream\n")) + len("stream\n")
			r, err := zlib.NewReader(bytes.NewReader(rest[start : start+n]))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(r)
			if !bytes.Contains(plain.Bytes(), got) || len(got) == 0 {
				t.Errorf("object %d inflates to something the plain file lacks", i+1)
			}
			streams++
		}
	}
	if streams < 3 {
		t.Errorf("%d streams packed", streams)
	}
	if got := packStreams([]byte("%PDF-1.4\nnot really")); string(got) != "%PDF-1.4\nnot really" {
		t.Error("an unrecognised file was changed")
	}
	var out bytes.Buffer
	if err := Finish(packTestDocument(t), PackingWriter(&out)); err != nil || !bytes.Equal(out.Bytes(), packed) {
		t.Errorf("a document finished into PackingWriter is not the packed one (%v)", err)
	}
}

// packTestDocument is three pages written uncompressed, as long documents are: text, a table, a QR code and
// an image.
func packTestDocument(t *testing.T) *Doc {
	t.Helper()
	Fixed = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC) // the same bytes each time
	t.Cleanup(func() { Fixed = time.Time{} })
	pdf := New(A4, "P", "uji")
	pdf.SetCompression(false)
	img := image.NewGray(image.Rect(0, 0, 40, 20))
	var logo bytes.Buffer
	if err := png.Encode(&logo, img); err != nil {
		t.Fatal(err)
	}
	if _, _, err := RegisterImage(pdf, "logo", "logo", logo.Bytes()); err != nil {
		t.Fatal(err)
	}
	q, err := EncodeQR("https://pembina.example/sertifikat/2026/001")
	if err != nil {
		t.Fatal(err)
	}
	for page := range 3 {
		pdf.AddPage()
		pdf.ImageOptions("logo", 20, 15, 40, 20, false, fpdf.ImageOptions{}, 0, "")
		DrawQR(pdf, q, 150, 15, 30)
		pdf.SetY(50)
		tbl := NewTable(pdf, []Column{{"NO", 10, "C"}, {"NAMA", 80, "L"}, {"KETERANGAN", 80, "L"}})
		tbl.Heading()
		for i := range 20 {
			tbl.Row([]string{strconv.Itoa(page*20 + i + 1), "Peserta Nomor " + strconv.Itoa(i), "Hadir di semua sesi pelatihan"})
		}
	}
	return pdf
}

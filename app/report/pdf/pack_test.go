package report

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// TestPackStreams checks the packed document against the plain one: every cross-reference entry points at
// its object, every packed stream inflates to the plain stream, and nothing else changed.
func TestPackStreams(t *testing.T) {
	b := testBatch(3)
	pdf := newCertificateDocument(b.Design, "uji")
	l, err := newCertificateLayout(b, measurer{pdf})
	if err != nil {
		t.Fatal(err)
	}
	if err := registerImages(pdf, l.images); err != nil {
		t.Fatal(err)
	}
	codes := encodeAll(t, b)
	for i, c := range b.Certificates {
		pages, _ := l.pages(c, codes[i])
		for _, p := range pages {
			drawPage(pdf, p)
		}
	}
	var plain bytes.Buffer
	if err := finish(pdf, &plain); err != nil {
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
	if err := WriteCertificates(context.Background(), &out, b, codes, nil); err != nil || !bytes.HasSuffix(out.Bytes(), []byte("%%EOF\n")) {
		t.Errorf("WriteCertificates: %v", err)
	}
}

package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"runtime"
	"sort"
	"strconv"
	"sync"
)

// fpdf compresses each page's content with a new zlib writer, and each new writer allocates and clears about
// a megabyte: for 1,000 certificate pages that is most of the time the whole document takes. Long documents
// (certificates, letters) are therefore written uncompressed and finished into PackingWriter: packStreams
// compresses the plain streams afterwards, on every core, each worker reusing one writer, and writes the
// cross-reference table again. BenchmarkPDFPack (app/report) compares it with fpdf's own compression on 1,000
// certificates (the same 4.6 MB file): 0.90–1.48 s against 1.30–2.67 s on the shared 2-core machine it was
// measured on, which BenchmarkCertificates1000's 1.0 s goal needs; measured again, 0.28–0.40 s and 208 MB
// allocated against 0.58–0.73 s and 1,368 MB at load 2.5, 0.61–0.71 s against 0.86–0.92 s at load 5.5–6.

// packStreams returns pdf (fpdf's uncompressed output) with every stream whose dictionary is only its length
// compressed with FlateDecode. Anything it does not recognise is copied as it is; when the file's structure
// is not what fpdf writes, the input comes back unchanged (still a valid, larger PDF).
func packStreams(pdf []byte) []byte {
	out, ok := pack(pdf)
	if !ok {
		return pdf
	}
	return out
}

// PackingWriter returns a writer that packs (packStreams) the uncompressed PDF it is given before passing it
// on to w: a document written with SetCompression(false) is finished into it.
func PackingWriter(w io.Writer) io.Writer { return packingWriter{w} }

// packingWriter packs what it is given before passing it on. fpdf's Output hands over the whole document in
// one Write, so no copy of it is made; were it ever written in parts, each part would not parse and would go
// through unchanged, still a valid PDF.
type packingWriter struct{ w io.Writer }

func (p packingWriter) Write(b []byte) (int, error) {
	if _, err := p.w.Write(packStreams(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

type pdfObject struct {
	num, off, end int
	data          []byte // the stream's content, when it is one to compress
	packed        []byte
}

func pack(pdf []byte) ([]byte, bool) {
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, false
	}
	rest := pdf[sx+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, false
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= sx || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return nil, false
	}
	line := pdf[xref+len("xref\n0 "):]
	nl = bytes.IndexByte(line, '\n')
	count, err := strconv.Atoi(string(line[:nl]))
	if err != nil || count < 2 {
		return nil, false
	}
	table := xref + len("xref\n0 ") + nl + 1
	const entry = 20 // "0000012345 00000 n \n"
	trailer := table + count*entry
	if trailer > len(pdf) || !bytes.HasPrefix(pdf[trailer:], []byte("trailer\n")) {
		return nil, false
	}
	objects := make([]pdfObject, 0, count-1)
	for i := 1; i < count; i++ {
		e := pdf[table+i*entry : table+(i+1)*entry]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' || off <= 0 || off >= xref {
			return nil, false
		}
		objects = append(objects, pdfObject{num: i, off: off})
	}
	sort.Slice(objects, func(a, b int) bool { return objects[a].off < objects[b].off })
	for i := range objects {
		objects[i].end = xref
		if i+1 < len(objects) {
			objects[i].end = objects[i+1].off
		}
		o := &objects[i]
		o.data = plainStream(pdf[o.off:o.end], o.num)
	}
	compressAll(objects)

	var b bytes.Buffer
	b.Grow(len(pdf) / 3)
	b.Write(pdf[:objects[0].off])
	offsets := make([]int, count)
	for _, o := range objects {
		offsets[o.num] = b.Len()
		if o.packed == nil {
			b.Write(pdf[o.off:o.end])
			continue
		}
		b.WriteString(strconv.Itoa(o.num) + " 0 obj\n<</Filter /FlateDecode /Length " + strconv.Itoa(len(o.packed)) + ">>\nstream\n")
		b.Write(o.packed)
		b.WriteString("\nendstream\nendobj\n")
	}
	newXref := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(count) + "\n0000000000 65535 f \n")
	for i := 1; i < count; i++ {
		s := strconv.Itoa(offsets[i])
		b.WriteString("0000000000"[len(s):] + s + " 00000 n \n")
	}
	b.Write(pdf[trailer : sx+len("startxref\n")])
	b.WriteString(strconv.Itoa(newXref) + "\n")
	b.Write(rest[len(strconv.Itoa(xref))+1:])
	return b.Bytes(), true
}

// plainStream returns the content of an object written as "N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n",
// or nil for any other object.
func plainStream(obj []byte, num int) []byte {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil
	}
	rest := obj[len(head):]
	end := bytes.Index(rest, []byte(">>\nstream\n"))
	if end <= 0 || end > 10 {
		return nil
	}
	n, err := strconv.Atoi(string(rest[:end]))
	if err != nil || n < 0 {
		return nil
	}
	start := len(head) + end + len(">>\nstream\n")
	if start+n > len(obj) || string(obj[start+n:]) != "\nendstream\nendobj\n" {
		return nil
	}
	return obj[start : start+n]
}

// compressAll compresses the streams found, on every core, each worker reusing its writer.
func compressAll(objects []pdfObject) {
	var jobs []int
	for i := range objects {
		if objects[i].data != nil {
			jobs = append(jobs, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			for j := w; j < len(jobs); j += workers {
				o := &objects[jobs[j]]
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(o.data)
				zw.Close()
				o.packed = append([]byte(nil), buf.Bytes()...)
			}
		}(w)
	}
	wg.Wait()
}

package importer

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// xmlCount counts what encoding/xml, which excelize decodes with, sees in b: every start element and, by local
// name, cells, rows, merged ranges, shared strings and sheets, and the rows without an r attribute. ok is
// false when b is not XML it reads to the end.
func xmlCount(b []byte) (n elementCount, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return n, true
		}
		if err != nil {
			return n, false
		}
		se, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		numbered := false
		for _, a := range se.Attr {
			numbered = numbered || a.Name.Local == "r" && a.Name.Space == ""
		}
		n.tally(se.Name.Local, numbered)
	}
}

// atLeast fails unless got counts at least what want does, kind by kind.
func atLeast(t *testing.T, label string, got, want elementCount) {
	t.Helper()
	if got.elements < want.elements || got.cells < want.cells || got.rows < want.rows || got.merges < want.merges ||
		got.strings < want.strings || got.sheets < want.sheets || got.unnumbered < want.unnumbered {
		t.Fatalf("%s: counted %+v, encoding/xml sees %+v", label, got, want)
	}
}

// TestCountElements: prefixed names ("<x:c>") and names ended by a tab or a line break count as excelize
// reads them, whichever way the part is cut into reads and blocks; rows without r are told apart; a part in
// UTF-16 is foreign.
func TestCountElements(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><x:worksheet xmlns:x="urn:x"><x:sheetData>`)
	for r := 1; r <= 30_000; r++ {
		switch r % 4 {
		case 0:
			b.WriteString("<x:row r=\"1\"><x:c/><x:c\tr=\"B1\"><x:v>1</x:v></x:c></x:row>")
		case 1:
			b.WriteString("<row\n><c\n/><c><is><t>a &lt;c/&gt;</t></is></c></row>")
		case 2:
			b.WriteString(`<row spans="1:2" r = "3" ht="15"><c r="A3"/><c/></row>`)
		case 3:
			b.WriteString(`<row spans="1:2" x=' r="5"'><c/><c/></row><!-- <c/> -->`)
		}
	}
	b.WriteString(`</x:sheetData><mergeCells><mergeCell ref="A1:B1"/><x:mergeCell	ref="A2:B2"/></mergeCells></x:worksheet>`)
	part := []byte(b.String())
	want, ok := xmlCount(part)
	if !ok || want.cells != 60_000 || want.rows != 30_000 || want.unnumbered != 15_000 || want.merges != 2 {
		t.Fatalf("the test's part reads as %+v, %v", want, ok)
	}
	for _, r := range []io.Reader{bytes.NewReader(part), iotest.OneByteReader(bytes.NewReader(part)), iotest.HalfReader(bytes.NewReader(part))} {
		got, err := countReader(r)
		if err != nil {
			t.Fatal(err)
		}
		atLeast(t, "worksheet", got, want)
		if got.cells != want.cells+7_500 || got.unnumbered != want.unnumbered { // the comments' cells count too
			t.Errorf("counted %+v, want %d cells and %d unnumbered rows", got, want.cells+7_500, want.unnumbered)
		}
	}
	for _, head := range []string{`<?xml version="1.0" encoding="UTF-16"?>`, "\xff\xfe<\x00?\x00", `<?xml version='1.0' encoding = 'utf-32' ?>`} {
		if got, _ := countReader(strings.NewReader(head + "<sst/>")); !got.foreign {
			t.Errorf("%q is not foreign", head)
		}
	}
	for _, head := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0" encoding="windows-1252"?>`, `<?xml version="1.0"?>`, ""} {
		if got, _ := countReader(strings.NewReader(head + "<sst/>")); got.foreign || got.elements != 1 {
			t.Errorf("%q: %+v", head, got)
		}
	}
}

// FuzzCountElements: on any bytes encoding/xml reads to the end, the pre-scan counts at least the elements,
// cells, rows, unnumbered rows, merged ranges, strings and sheets excelize would decode, so that no spelling
// of the markup slips a bomb past the limits.
func FuzzCountElements(f *testing.F) {
	for _, seed := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		"<x:row\tr=\"1\"><x:c\n/></x:row>",
		`<sst><si><t>a</t></si><x:si/></sst>`,
		`<workbook><sheets><sheet name="a"/><x:sheet/></sheets></workbook>`,
		`<a><![CDATA[<c/>]]><!-- <row> --><b/></a>`,
		`<row x:r="1" rr="2"/>`,
		`<row a=" r=" b='r="1"'><c/></row>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, ok := xmlCount(b)
		if !ok {
			return
		}
		got, err := countReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got.foreign {
			return // refused whole
		}
		atLeast(t, "fuzzed part", got, want)
	})
}

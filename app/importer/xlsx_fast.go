package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readWorkbook reads the cell values of every sheet of an .xlsx package straight from its XML, with which cells
// hold numbers and which ranges are merged. It does what excelize's GetRows does with RawCellValue (stored
// values, never formulas; dates as their serial numbers) about ten times faster, which a 10,000-row import
// needs to stay within its 1.5 s. Any structure it does not expect is an error, and Open then reads the file
// with excelize instead.
func readWorkbook(b []byte) ([]*Sheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	part := func(name string) ([]byte, error) {
		f, ok := files[name]
		if !ok {
			return nil, errors.New("missing part " + name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}
	workbook, err := part("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, el := range elements(rels, "Relationship") {
		target := el["Target"]
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		targets[el["Id"]] = target
	}
	var shared []string
	if _, ok := files["xl/sharedStrings.xml"]; ok {
		sst, err := part("xl/sharedStrings.xml")
		if err != nil {
			return nil, err
		}
		shared = sharedStrings(sst)
	}
	var sheets []*Sheet
	for _, el := range elements(workbook, "sheet") {
		target, ok := targets[el["id"]]
		if !ok {
			return nil, errors.New("sheet without relationship")
		}
		x, err := part(target)
		if err != nil {
			return nil, err
		}
		sh, err := scanSheet(x, shared)
		if err != nil {
			return nil, err
		}
		sh.Name = el["name"]
		sheets = append(sheets, sh)
	}
	if len(sheets) == 0 {
		return nil, errors.New("no sheets")
	}
	return sheets, nil
}

// elements returns the attributes (by local name, namespace prefixes dropped) of every element named name.
func elements(x []byte, name string) []map[string]string {
	var out []map[string]string
	for i := 0; i < len(x); {
		j := bytes.IndexByte(x[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		tag, attrs, _, next := readTag(x, i)
		if tag == name {
			out = append(out, attrMap(attrs))
		}
		i = next
	}
	return out
}

// readTag reads the tag that starts after the '<' at x[i-1]: its local name, its attribute text, whether it
// closes itself, and where the text after it starts.
func readTag(x []byte, i int) (name string, attrs []byte, selfClosing bool, next int) {
	end := bytes.IndexByte(x[i:], '>')
	if end < 0 {
		return "", nil, false, len(x)
	}
	body := x[i : i+end]
	next = i + end + 1
	if len(body) > 0 && body[len(body)-1] == '/' {
		selfClosing = true
		body = body[:len(body)-1]
	}
	n := bytes.IndexAny(body, " \t\r\n")
	if n < 0 {
		n = len(body)
	}
	full := string(body[:n])
	if k := strings.LastIndexByte(full, ':'); k >= 0 && !strings.HasPrefix(full, "/") {
		full = full[k+1:]
	} else if k >= 0 {
		full = "/" + full[k+1:]
	}
	return full, body[n:], selfClosing, next
}

// attrMap parses `a="1" r:id='x'` into {"a": "1", "id": "x"}.
func attrMap(b []byte) map[string]string {
	m := map[string]string{}
	for len(b) > 0 {
		eq := bytes.IndexByte(b, '=')
		if eq < 0 {
			break
		}
		key := strings.TrimSpace(string(b[:eq]))
		if k := strings.LastIndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		rest := bytes.TrimLeft(b[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			break
		}
		q := rest[0]
		end := bytes.IndexByte(rest[1:], q)
		if end < 0 {
			break
		}
		m[key] = unescape(rest[1 : 1+end])
		b = rest[end+2:]
	}
	return m
}

// attr finds one attribute without building a map, for the hot loop over cells.
func attr(b []byte, name string) (string, bool) {
	for i := 0; i < len(b); {
		j := bytes.Index(b[i:], []byte(name+"="))
		if j < 0 {
			return "", false
		}
		j += i
		if j > 0 && b[j-1] != ' ' && b[j-1] != '\t' && b[j-1] != '\n' && b[j-1] != '\r' {
			i = j + len(name) + 1
			continue
		}
		v := b[j+len(name)+1:]
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			return "", false
		}
		end := bytes.IndexByte(v[1:], v[0])
		if end < 0 {
			return "", false
		}
		return string(v[1 : 1+end]), true
	}
	return "", false
}

// sharedStrings reads the shared string table: each <si> is its <t> texts joined, phonetic runs left out.
func sharedStrings(x []byte) []string {
	var out []string
	for i := 0; i < len(x); {
		j := bytes.Index(x[i:], []byte("<si"))
		if j < 0 {
			break
		}
		i += j + 3
		if i < len(x) && x[i] != '>' && x[i] != ' ' && x[i] != '/' {
			continue // <sis…>, not <si>
		}
		end := bytes.Index(x[i:], []byte("</si>"))
		selfClosed := bytes.HasPrefix(x[i:], []byte("/>"))
		if selfClosed || end < 0 {
			out = append(out, "")
			continue
		}
		out = append(out, texts(x[i:i+end]))
		i += end + 5
	}
	return out
}

// texts joins the text of the <t> elements in x, skipping phonetic runs (<rPh>).
func texts(x []byte) string {
	var b strings.Builder
	skip := false
	for i := 0; i < len(x); {
		j := bytes.IndexByte(x[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		name, _, self, next := readTag(x, i)
		i = next
		switch name {
		case "rPh":
			skip = !self
		case "/rPh":
			skip = false
		case "t":
			if self {
				continue
			}
			end := bytes.IndexByte(x[i:], '<')
			if end < 0 {
				end = len(x) - i
			}
			if !skip {
				b.WriteString(unescape(x[i : i+end]))
			}
			i += end
		}
	}
	return b.String()
}

// scanSheet reads a worksheet's cells, numeric cells and merged ranges.
func scanSheet(x []byte, shared []string) (*Sheet, error) {
	start := bytes.Index(x, []byte("sheetData"))
	if start < 0 {
		return nil, errors.New("no sheetData")
	}
	var rows [][]string
	numeric := map[int64]bool{}
	row, col := 0, 0
	i := start
	for i < len(x) {
		j := bytes.IndexByte(x[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		name, attrs, self, next := readTag(x, i)
		i = next
		switch name {
		case "/sheetData":
			return finishSheet(rows, numeric, x[i:]), nil
		case "row":
			if r, ok := attr(attrs, "r"); ok {
				n, err := strconv.Atoi(r)
				if err != nil || n <= row {
					return nil, errors.New("bad row number")
				}
				row = n
			} else {
				row++
			}
			col = 0
		case "c":
			if ref, ok := attr(attrs, "r"); ok {
				c, r, ok := splitRef(ref)
				if !ok || r != row {
					return nil, errors.New("bad cell reference")
				}
				col = c
			} else {
				col++
			}
			if self {
				continue
			}
			closeAt, after := closing(x, i, "/c")
			if closeAt < 0 {
				return nil, errors.New("unclosed cell")
			}
			i = after
			body := x[next:closeAt]
			t, _ := attr(attrs, "t")
			value, isNumber, err := cellValue(body, t, shared)
			if err != nil {
				return nil, err
			}
			if value == "" {
				continue
			}
			for len(rows) < row {
				rows = append(rows, nil)
			}
			r := rows[row-1]
			for len(r) < col {
				r = append(r, "")
			}
			r[col-1] = value
			rows[row-1] = r
			if isNumber {
				numeric[int64(row-1)<<16|int64(col-1)] = true
			}
		}
	}
	return nil, errors.New("unterminated sheetData")
}

// closing finds the end tag named name (with its slash) from x[i:]: where it starts and where the text after
// it starts; -1 when there is none.
func closing(x []byte, i int, name string) (at, after int) {
	for {
		j := bytes.Index(x[i:], []byte("</"))
		if j < 0 {
			return -1, len(x)
		}
		tag, _, _, next := readTag(x, i+j+1)
		if tag == name {
			return i + j, next
		}
		i = next
	}
}

// cellValue reads a cell's stored value by its type: a shared string, an inline string, a formula's last
// result, or a number (isNumber) kept exactly as written.
func cellValue(body []byte, t string, shared []string) (value string, isNumber bool, err error) {
	switch t {
	case "inlineStr":
		return texts(body), false, nil
	}
	v := element(body, "v")
	switch t {
	case "s":
		if v == "" {
			return "", false, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n >= len(shared) {
			return "", false, errors.New("bad shared string index")
		}
		return shared[n], false, nil
	case "", "n":
		return v, v != "", nil
	}
	return v, false, nil // str (formula text), b (boolean), e (error), d (ISO date)
}

// element returns the unescaped text of the first <name> element in body.
func element(body []byte, name string) string {
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return ""
		}
		i += j + 1
		tag, _, self, next := readTag(body, i)
		i = next
		if tag == name && !self {
			end := bytes.IndexByte(body[i:], '<')
			if end < 0 {
				return ""
			}
			return unescape(body[i : i+end])
		}
	}
	return ""
}

// splitRef reads "AB12" as column 28, row 12.
func splitRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, i > 0 && err == nil && col <= 16384
}

// finishSheet trims empty cells and rows off the ends, as excelize does, and reads the merged ranges that follow
// the sheet data.
func finishSheet(rows [][]string, numeric map[int64]bool, tail []byte) *Sheet {
	for i, r := range rows {
		rows[i] = trimRight(r)
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	sh := &Sheet{Rows: rows, numeric: func(row, col int) bool { return numeric[int64(row)<<16|int64(col)] }}
	for _, el := range elements(tail, "mergeCell") {
		from, to, ok := strings.Cut(el["ref"], ":")
		if !ok {
			continue
		}
		c1, r1, ok1 := splitRef(from)
		c2, r2, ok2 := splitRef(to)
		if ok1 && ok2 {
			sh.merges = append(sh.merges, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
		}
	}
	return sh
}

// unescape decodes XML's entities and OOXML's _xHHHH_ escapes of control characters.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && !bytes.Contains(b, []byte("_x")) {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			end := bytes.IndexByte(b[i:], ';')
			if end < 0 {
				out.WriteByte(c)
				continue
			}
			ent := string(b[i+1 : i+end])
			switch {
			case ent == "amp":
				out.WriteByte('&')
			case ent == "lt":
				out.WriteByte('<')
			case ent == "gt":
				out.WriteByte('>')
			case ent == "quot":
				out.WriteByte('"')
			case ent == "apos":
				out.WriteByte('\'')
			case strings.HasPrefix(ent, "#x"):
				n, _ := strconv.ParseUint(ent[2:], 16, 32)
				out.WriteRune(rune(n))
			case strings.HasPrefix(ent, "#"):
				n, _ := strconv.ParseUint(ent[1:], 10, 32)
				out.WriteRune(rune(n))
			default:
				out.Write(b[i : i+end+1])
			}
			i += end
		case c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				out.WriteRune(rune(n))
				i += 6
				continue
			}
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

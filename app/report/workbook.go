package report

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"math"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// The leadership workbook's sheets, in order.
const (
	SheetSummary      = "Ringkasan"
	SheetPrograms     = "Program"
	SheetJP           = "JP Pegawai"
	SheetUnits        = "Unit Kerja"
	SheetAttendance   = "Presensi"
	SheetEvaluation   = "Evaluasi"
	SheetCertificates = "Sertifikat"
	SheetSIASN        = "SIASN"
)

// WorkbookSheets lists the sheets in the order the workbook has them.
var WorkbookSheets = []string{SheetSummary, SheetPrograms, SheetJP, SheetUnits, SheetAttendance, SheetEvaluation,
	SheetCertificates, SheetSIASN}

// WorkbookResult says what a workbook holds, for the window and the command line.
type WorkbookResult struct {
	Overview *overview.Overview
	Rows     map[string]int // data rows per sheet (the header row not counted)
}

// WriteWorkbook writes the leadership workbook of a period (a year, a date range, optionally one unit kerja) on
// day today: Ringkasan with the key figures and native Excel charts, then one sheet per question leadership
// asks (Program, JP Pegawai, Unit Kerja, Presensi, Evaluasi, Sertifikat, SIASN). Every data sheet has its
// heading in row 1, frozen, with an autofilter; NIPs are text cells; numbers are numbers with formats; the big
// sheets are streamed, so that a year of 100,000 participants stays within a few hundred megabytes.
// progress reports done of total steps; cancelling ctx stops the work.
func WriteWorkbook(ctx context.Context, w io.Writer, s *store.Store, p overview.Period, today time.Time, progress func(done, total int)) (*WorkbookResult, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	const total = 100
	defer limitMemory()()
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	batched, err := s.BatchedTitles(ctx)
	if err != nil {
		return nil, err
	}
	o, err := overview.Load(ctx, s, p, today, func(done, steps int) { progress(done*30/steps, total) })
	if err != nil {
		return nil, err
	}
	wb, err := newWorkbook(w)
	if err != nil {
		return nil, err
	}
	defer wb.f.Close()
	wb.o, wb.in, wb.batched = o, in, batched
	res := &WorkbookResult{Overview: o, Rows: map[string]int{}}
	for i, name := range WorkbookSheets {
		if i == 0 {
			err = wb.f.SetSheetName("Sheet1", name)
		} else {
			_, err = wb.f.NewSheet(name)
		}
		if err != nil {
			return nil, workbookError(err)
		}
	}
	// Progress: 30 for the overview, 30 for the sheets written one after the other, 30 for Presensi, 10 for
	// the file itself.
	var mu sync.Mutex
	sheets, att := 0, 0
	report := func() { progress(30+sheets+att, total) }
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var first error // the first failure; the other writer then stops too
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		cancel()
	}
	// Presensi, the biggest sheet, is written beside the others: each sheet streams into its own buffer, and
	// only creating and finishing a sheet touch the file they share (workbook.mu).
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n, err := wb.attendance(ctx, s, p.Scope(), func(rows, all int) {
			mu.Lock()
			att = rows * 30 / max(all, 1)
			report()
			mu.Unlock()
		})
		if err != nil {
			fail(err)
			return
		}
		mu.Lock()
		res.Rows[SheetAttendance], att = n, 30
		report()
		mu.Unlock()
	}()
	for _, st := range []struct {
		sheet  string
		weight int
		fn     func(wb *workbook, ctx context.Context) (int, error)
	}{
		{SheetSummary, 3, (*workbook).summary},
		{SheetPrograms, 3, (*workbook).programs},
		{SheetJP, 12, (*workbook).people},
		{SheetUnits, 2, (*workbook).units},
		{SheetEvaluation, 3, (*workbook).evaluation},
		{SheetCertificates, 2, (*workbook).certificates},
		{SheetSIASN, 5, (*workbook).siasn},
	} {
		n, err := st.fn(wb, ctx)
		if err != nil {
			fail(err)
			break
		}
		mu.Lock()
		res.Rows[st.sheet] = n
		sheets += st.weight
		report()
		mu.Unlock()
	}
	wg.Wait()
	if parent.Err() != nil {
		return nil, data.Wrap(data.KindConflict, parent.Err(), "Dibatalkan; buku kerja tidak ditulis")
	}
	if first != nil {
		return nil, first
	}
	wb.f.SetActiveSheet(0)
	if err := wb.f.SetDocProps(&excelize.DocProperties{Title: "Ringkasan Pengembangan Kompetensi ASN – " + p.Label(),
		Creator: "Pembina", Language: "id-ID", Created: stamp().Format(time.RFC3339)}); err != nil {
		return nil, workbookError(err)
	}
	// The zip writer writes straight to w (newWorkbook); what WriteTo writes itself is empty.
	if _, err := wb.f.WriteTo(io.Discard); err != nil {
		return nil, workbookError(err)
	}
	progress(total, total)
	return res, nil
}

// SaveWorkbook writes the workbook to a file, beside it first and renamed at the end, so that a failure or a
// cancel never leaves half a workbook where an older, complete one was.
func SaveWorkbook(ctx context.Context, path string, s *store.Store, p overview.Period, today time.Time, progress func(done, total int)) (*WorkbookResult, error) {
	var res *WorkbookResult
	err := saveFile(path, func(w io.Writer) error {
		var err error
		res, err = WriteWorkbook(ctx, w, s, p, today, progress)
		return err
	})
	return res, err
}

// stamp is when documents say they were made: Fixed in tests, otherwise now.
func stamp() time.Time {
	if !pdf.Fixed.IsZero() {
		return pdf.Fixed
	}
	return time.Now()
}

func workbookError(err error) error {
	return data.Wrap(data.KindInternal, err, "Buku kerja tidak dapat ditulis: %v", err)
}

// workbook is the file being written with its styles.
type workbook struct {
	f  *excelize.File
	o  *overview.Overview
	in *data.Institution
	// batched are the titles that run in batches (store.BatchedTitles): SIASN names only those with "Angkatan".
	batched map[string]bool
	mu      sync.Mutex // held while a sheet is created or finished, or the Ringkasan sheet written: the file's shared parts

	title, subtitle, heading, label, text, nip, wrap, plain, integer, decimal, percent, date int
	good, bad                                                                                int // conditional formats
}

// newWorkbook starts a workbook that will be written to w. excelize's WriteTo builds the whole file in a
// buffer before copying it out (tens of megabytes for a large year); its zip writer is made to write to w
// directly instead, with klauspost's flate at BestSpeed (workbookCompressor; TestWorkbookDeflatesThroughKlauspost
// shows every part goes through it). BenchmarkDeflate, on the worksheet XML of 100,000 people (30 MB) on the
// shared 2-core machine it was measured on: klauspost 123–145 MB/s to 13.6% of the input, compress/flate
// BestSpeed 65–105 MB/s to 14.2%, and the hand-written parallel deflate it replaced (1 MB blocks compressed
// apart on every core) 59–73 MB/s to 14.2%; measured again at load 2.5: klauspost 471–520 MB/s (1.2 MB
// allocated), compress/flate 287–296 MB/s (2.9 MB). End to end the difference is small, since deflating is a
// small part of the work: BenchmarkWorkbookLarge (the year of `demo --large`, one compressor per process, three
// workbooks each at load 2.4–2.8) takes 2.7 s a workbook with klauspost (4.53 s of CPU, 237 MB peak RSS, an
// 18.5 MB file) and 3.6 s with compress/flate (4.48 s, 238 MB, 19.1 MB); at load 6–7, 4.58–4.84 s of CPU
// against 4.73–4.75 s.
func newWorkbook(w io.Writer) (*workbook, error) {
	f := excelize.NewFile()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		z := zip.NewWriter(w)
		z.RegisterCompressor(zip.Deflate, workbookCompressor)
		return z
	})
	wb := &workbook{f: f}
	border := []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	styles := []struct {
		into  *int
		style *excelize.Style
	}{
		{&wb.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&wb.subtitle, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}},
		{&wb.heading, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"D9E1F2"}, Pattern: 1},
			Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&wb.label, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&wb.text, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.nip, &excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&wb.plain, &excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.integer, &excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.decimal, &excelize.Style{NumFmt: 4, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.percent, &excelize.Style{CustomNumFmt: strPtr("0.0%"), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&wb.date, &excelize.Style{CustomNumFmt: strPtr("dd-mm-yyyy"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
	}
	for _, st := range styles {
		id, err := f.NewStyle(st.style)
		if err != nil {
			f.Close()
			return nil, workbookError(err)
		}
		*st.into = id
	}
	var err error
	if wb.good, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "006100"},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"C6EFCE"}, Pattern: 1}}); err != nil {
		return nil, workbookError(err)
	}
	if wb.bad, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"FFC7CE"}, Pattern: 1}}); err != nil {
		return nil, workbookError(err)
	}
	return wb, nil
}

func strPtr(s string) *string { return &s }

// workbookCompressor deflates the workbook's parts: klauspost's flate at BestSpeed, except in
// BenchmarkWorkbookLarge's comparison with compress/flate and in the test that proves excelize writes
// through it.
var workbookCompressor = func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) }

// column is one column of a data sheet: its heading, its cell style and its width in characters.
type column struct {
	title string
	style int
	width float64
}

// fit widens a column to hold its heading's longest word and the longest of the values, within 8 and limit
// characters (longer values wrap or are cut off on screen, never in the cell).
func (c *column) fit(limit float64, values ...string) {
	for _, v := range values {
		c.width = max(c.width, float64(utf8.RuneCountInString(v))+1.5)
	}
	c.width = min(max(c.width, 8), limit)
}

// table is a streamed data sheet: heading in row 1, frozen, autofilter over every row written.
type table struct {
	wb    *workbook
	name  string
	sw    *excelize.StreamWriter
	cols  []column
	rows  int
	cells []excelize.Cell // one per column, reused for every row
	row   []any           // pointers to cells, as SetRow takes them
}

func (wb *workbook) newTable(name string, cols []column) (*table, error) {
	return wb.newTableFrozen(name, cols, 0)
}

// newTableFrozen is newTable with the first frozenCols columns kept in sight too, for wide sheets.
func (wb *workbook) newTableFrozen(name string, cols []column, frozenCols int) (*table, error) {
	wb.mu.Lock()
	defer wb.mu.Unlock()
	// Printed landscape on A4, one page wide, the heading on every page. The sheet's properties must be set
	// before the stream starts; the page setup is written when it ends.
	if err := wb.printSetup(name, "landscape"); err != nil {
		return nil, err
	}
	if err := wb.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + name + "'!$1:$1", Scope: name}); err != nil {
		return nil, workbookError(err)
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, workbookError(err)
	}
	t := &table{wb: wb, name: name, sw: sw, cols: cols, cells: make([]excelize.Cell, len(cols)), row: make([]any, len(cols))}
	for i, c := range cols {
		t.cells[i].StyleID = c.style
		t.row[i] = &t.cells[i]
	}
	// A heading wraps at spaces, never inside a word; its bold capitals are about a fifth wider than the
	// characters a column width counts. The heading row is as high as its most wrapped heading.
	lines := 1
	for i, c := range cols {
		w := c.width
		for _, word := range splitWords(c.title) {
			w = max(w, float64(utf8.RuneCountInString(word))*1.2+2)
		}
		w = min(max(w, 8), 70)
		lines = max(lines, wrappedLines(c.title, int((w-1)/1.2)))
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, workbookError(err)
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
	if frozenCols > 0 {
		first, _ := excelize.CoordinatesToCellName(frozenCols+1, 2)
		panes = &excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: 1, TopLeftCell: first, ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomRight"}}}
	}
	if err := sw.SetPanes(panes); err != nil {
		return nil, workbookError(err)
	}
	heading := make([]any, len(cols))
	for i, c := range cols {
		heading[i] = excelize.Cell{StyleID: wb.heading, Value: c.title}
	}
	if err := sw.SetRow("A1", heading, excelize.RowOpts{Height: float64(15*lines + 4)}); err != nil {
		return nil, workbookError(err)
	}
	return t, nil
}

// printSetup makes a sheet print on A4 in the given orientation, scaled to one page wide.
func (wb *workbook) printSetup(sheet, orientation string) error {
	fit, a4, wide, tall := true, 9, 1, 0
	if err := wb.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return workbookError(err)
	}
	if err := wb.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &wide,
		FitToHeight: &tall}); err != nil {
		return workbookError(err)
	}
	return nil
}

// wrappedLines is how many lines s takes wrapped at spaces into lines of width characters.
func wrappedLines(s string, width int) int {
	lines, used := 1, 0
	for _, word := range splitWords(s) {
		n := utf8.RuneCountInString(word)
		switch {
		case used == 0:
			used = n
		case used+1+n <= width:
			used += 1 + n
		default:
			lines++
			used = n
		}
	}
	return lines
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// add writes one row; values are strings, ints, floats (NaN leaves the cell empty), times, or nil.
func (t *table) add(values ...any) error {
	t.rows++
	for i, v := range values {
		if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			v = nil
		}
		if s, ok := v.(string); ok && s == "" {
			v = nil
		}
		if d, ok := v.(time.Time); ok {
			v = excelDate(d)
		}
		t.cells[i].Value = v
	}
	ref, _ := excelize.CoordinatesToCellName(1, t.rows+1)
	if err := t.sw.SetRow(ref, t.row[:len(values)]); err != nil {
		return workbookError(err)
	}
	return nil
}

// excelDate is a day as Excel stores it, days since 30 December 1899, or nil for no date. Written as a number
// with the date format of its column, it needs none of the file's shared state (excelize's own conversion
// reads the workbook for every cell).
func excelDate(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return float64(data.Day(d).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// lastCell is the bottom right cell of the table.
func (t *table) lastCell() string {
	ref, _ := excelize.CoordinatesToCellName(len(t.cols), max(t.rows+1, 2))
	return ref
}

// columnRange is one column's data cells: "J2:J1001".
func (t *table) columnRange(col int) string {
	top, _ := excelize.CoordinatesToCellName(col, 2)
	bottom, _ := excelize.CoordinatesToCellName(col, max(t.rows+1, 2))
	return top + ":" + bottom
}

// close adds the autofilter (before Flush: after it excelize drops it) and finishes the sheet.
func (t *table) close(before ...func() error) (int, error) {
	t.wb.mu.Lock()
	defer t.wb.mu.Unlock()
	if err := t.wb.f.AutoFilter(t.name, "A1:"+t.lastCell(), nil); err != nil {
		return 0, workbookError(err)
	}
	for _, fn := range before {
		if err := fn(); err != nil {
			return 0, workbookError(err)
		}
	}
	if err := t.sw.Flush(); err != nil {
		return 0, workbookError(err)
	}
	return t.rows, nil
}

// yesNo writes a yes/no figure in Indonesian.
func yesNo(b bool) string {
	if b {
		return "Ya"
	}
	return "Belum"
}

// share is a as a fraction of b. A share of nobody is NaN, written as an empty cell: undefined, not 0%.
func share(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

func sheetRef(sheet, from, to string) string { return fmt.Sprintf("'%s'!%s:%s", sheet, from, to) }

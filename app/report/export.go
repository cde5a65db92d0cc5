package report

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// Exports are the lists the window shows, saved to Excel with Ekspor (Ctrl+E) or written by `pembina export`:
// the programs as filtered, the participants as searched (streamed: 100,000 and more), and an opened
// program's enrolments, attendance recap and evaluation results. Each is a workbook whose data sheets are
// written as the leadership workbook's are (heading in row 1, frozen, with an autofilter, printed one page
// wide; NIPs as text; figures as numbers with formats), followed by a Keterangan sheet that says what the
// list is, from which institution, and when it was made.

// SheetNotes is the last sheet of every export: what it holds.
const SheetNotes = "Keterangan"

// newExport starts an export written to w with the given data sheets, in order, and Keterangan after them.
func newExport(ctx context.Context, w io.Writer, s *store.Store, sheets ...string) (*workbook, error) {
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	wb, err := newWorkbook(w)
	if err != nil {
		return nil, err
	}
	wb.in = in
	for i, name := range append(sheets, SheetNotes) {
		if i == 0 {
			err = wb.f.SetSheetName("Sheet1", name)
		} else {
			_, err = wb.f.NewSheet(name)
		}
		if err != nil {
			wb.f.Close()
			return nil, workbookError(err)
		}
	}
	return wb, nil
}

// notes writes the Keterangan sheet: the title, the institution, then a line per label and value, and when
// the export was made.
func (wb *workbook) notes(title string, lines [][2]string) error {
	f, sheet := wb.f, SheetNotes
	steps := []error{
		f.SetColWidth(sheet, "A", "A", 26),
		f.SetColWidth(sheet, "B", "B", 100),
		f.SetCellStr(sheet, "A1", title),
		f.SetCellStyle(sheet, "A1", "A1", wb.title),
	}
	name := wb.in.Name
	if wb.in.ParentName != "" {
		name += " · " + wb.in.ParentName
	}
	lines = append([][2]string{{"Instansi", name}}, lines...)
	now := stamp()
	lines = append(lines, [2]string{"Dibuat", indo.Date(now) + " " + now.Format("15.04") + " dengan Pembina"})
	for i, l := range lines {
		row := i + 3
		steps = append(steps, f.SetCellStr(sheet, fmt.Sprintf("A%d", row), l[0]), f.SetCellStr(sheet, fmt.Sprintf("B%d", row), l[1]),
			f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), wb.label),
			f.SetCellStyle(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), wb.wrap))
	}
	for _, err := range steps {
		if err != nil {
			return workbookError(err)
		}
	}
	return nil
}

// finishExport writes the file out, the first sheet active, with the export's title in its properties.
func (wb *workbook) finishExport(title string) error {
	wb.f.SetActiveSheet(0)
	if err := wb.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Pembina", Language: "id-ID",
		Created: stamp().Format(time.RFC3339)}); err != nil {
		return workbookError(err)
	}
	// The zip writer writes straight to w (newWorkbook); what WriteTo writes itself is empty.
	if _, err := wb.f.WriteTo(io.Discard); err != nil {
		return workbookError(err)
	}
	return nil
}

// cancelled is the message of an export stopped by its cancel button.
func cancelled(err error) error {
	return data.Wrap(data.KindConflict, err, "Dibatalkan; berkas Excel tidak ditulis")
}

// saveExport writes an export to path through a temporary file (saveFile) and returns its row count.
func saveExport(path string, write func(w io.Writer) (int, error)) (int, error) {
	var n int
	err := saveFile(path, func(w io.Writer) error {
		var err error
		n, err = write(w)
		return err
	})
	return n, err
}

// orAll writes a filter's value, or that it does not narrow the list.
func orAll(v string) string {
	if v == "" {
		return "semua"
	}
	return v
}

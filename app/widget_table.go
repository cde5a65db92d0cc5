package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a list table: its header (an Indonesian source string), its narrowest width and
// whether it takes a share of the room left over (names, titles, units do; codes and numbers do not).
type column struct {
	title string
	width float32
	align fyne.TextAlign
	grow  bool
}

// listTable is a virtual table with a sticky header row: it asks for the text of the cells it shows only, so
// 100,000 rows cost what one screen costs. Cells truncate with an ellipsis instead of overflowing.
type listTable struct {
	*widget.Table
	cols  []column
	cell  func(row, col int) string
	style func(row, col int) widget.Importance // optional: colour a cell (a participant below the threshold)
}

// newListTable makes the table; rows returns the number of data rows.
func newListTable(cols []column, rows func() int, cell func(row, col int) string) *listTable {
	lt := &listTable{cols: cols, cell: cell}
	lt.Table = widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = lt.cols[id.Col].align
			l.Importance = widget.MediumImportance
			if lt.style != nil {
				l.Importance = lt.style(id.Row, id.Col)
			}
			l.SetText(lt.cell(id.Row, id.Col))
		})
	lt.ShowHeaderColumn = false
	lt.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	lt.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(lt.cols) {
			l.Alignment = lt.cols[id.Col].align
			l.SetText(L(lt.cols[id.Col].title))
		}
	}
	for i, c := range cols {
		lt.SetColumnWidth(i, c.width)
	}
	return lt
}

// Resize fits the columns to the table's width: growing columns share what the fixed ones leave, and below
// the sum of the narrowest widths the table scrolls sideways instead of squeezing text away.
func (lt *listTable) Resize(s fyne.Size) {
	lt.Table.Resize(s)
	var fixed, growing float32
	for _, c := range lt.cols {
		fixed += c.width
		if c.grow {
			growing += c.width
		}
	}
	// Fyne's Table puts a padding after every column.
	extra := max(s.Width-fixed-theme.Padding()*float32(len(lt.cols)+1), 0)
	if growing == 0 {
		return
	}
	// Narrowing the table gives the growing columns back their own width (they never keep a wider one).
	for i, c := range lt.cols {
		if c.grow {
			lt.SetColumnWidth(i, c.width+extra*c.width/growing)
		}
	}
}

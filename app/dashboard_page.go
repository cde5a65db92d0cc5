package app

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/chart"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// dashboard is Beranda: this year's figures (computed as the leadership workbook's Ringkasan computes them,
// data/overview), small charts drawn with canvas objects, this week's sessions, and what needs attention,
// each item opening the page where it is dealt with.
type dashboard struct {
	widget.BaseWidget
	u *UI

	heading   *widget.Label
	status    *widget.Label
	cards     *fyne.Container
	charts    *fyne.Container
	week      *fyne.Container
	attention *fyne.Container
	content   fyne.CanvasObject
	scroll    *container.Scroll

	// What is shown, for tests: the figure of each card by its name, and what the lists come from. The
	// overview itself is not kept: its 100,000 people need not stay in memory while the window is open.
	figures     map[string]string
	programs    []*overview.ProgramLine
	withoutJP   int // employees without JP this year
	belowTarget int // employees below their JP target this year
	sessions    []store.SessionRow
	forms       []store.OpenForm
	// earlier are programs that ended before this year and are still marked planned or running: the year's
	// figures leave them out, but they still ask to be set Selesai.
	earlier []*data.Program
}

func (d *dashboard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(d.content) }

// dashboardItems is how many items of one kind the attention list shows before it says how many more.
const dashboardItems = 5

func (u *UI) dashboardPage() fyne.CanvasObject {
	d := &dashboard{u: u, figures: map[string]string{}}
	d.ExtendBaseWidget(d)
	d.heading = subheading(L("Beranda"))
	d.status = wrapLabel(L("memuat…"))
	d.status.Importance = widget.LowImportance
	refresh := widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), d.load)
	d.cards = container.NewGridWithColumns(4)
	d.charts = container.NewGridWithColumns(3)
	d.week = container.NewVBox()
	d.attention = container.NewVBox()
	lists := container.NewGridWithColumns(2,
		chartCard(L("Sesi pekan ini"), d.week),
		chartCard(L("Perlu ditindaklanjuti"), d.attention))
	body := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(refresh), container.NewVBox(d.heading, d.status)), d.cards, d.charts, lists)
	d.scroll = container.NewVScroll(container.NewPadded(body))
	d.content = d.scroll
	d.load()
	return d
}

// load computes the figures off the UI goroutine.
func (d *dashboard) load() {
	u := d.u
	today := u.now.today()
	d.status.SetText(L("memuat…"))
	u.goBackground(func() {
		ctx := context.Background()
		o, err := overview.Load(ctx, u.store, overview.Year(today.Year()), today, nil)
		var sessions []store.SessionRow
		var forms []store.OpenForm
		var earlier []*data.Program
		if err == nil {
			earlier, err = endedBefore(ctx, u.store, overview.Year(today.Year()).From)
		}
		if err == nil {
			monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
			sessions, err = u.store.SessionsBetween(ctx, monday, monday.AddDate(0, 0, 6))
		}
		if err == nil {
			forms, err = u.store.OpenForms(ctx, today)
		}
		fyne.Do(func() {
			if err != nil {
				d.status.SetText("")
				u.showError(err)
				return
			}
			d.earlier = earlier
			d.show(o, sessions, forms)
		})
	})
}

// endedBefore lists the programs that ended before day and are still marked planned or running, latest first.
func endedBefore(ctx context.Context, s *store.Store, day time.Time) ([]*data.Program, error) {
	var out []*data.Program
	for _, st := range []data.ProgramStatus{data.StatusRunning, data.StatusPlanned} {
		rows, err := s.Programs(ctx, store.ProgramFilter{Status: st})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if !r.EndDate.IsZero() && r.EndDate.Before(day) {
				out = append(out, r.Program)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EndDate.After(out[j].EndDate) })
	return out, nil
}

func (d *dashboard) card(name, figure, note string) fyne.CanvasObject {
	d.figures[name] = figure
	return figureCard(name, figure, note)
}

func (d *dashboard) show(o *overview.Overview, sessions []store.SessionRow, forms []store.OpenForm) {
	d.programs, d.sessions, d.forms = o.Programs, sessions, forms
	d.withoutJP, d.belowTarget = 0, 0
	for _, p := range o.People {
		if p.Employee() && p.JP == 0 {
			d.withoutJP++
		}
		if p.Employee() && !p.Reached() {
			d.belowTarget++
		}
	}
	f := &o.Figures
	year := strconv.Itoa(o.Period.From.Year())
	d.heading.SetText(fmt.Sprintf(L("Beranda · tahun %s"), year))
	d.status.SetText(fmt.Sprintf(L("Keadaan per %s. Angka dihitung seperti lembar Ringkasan buku kerja pimpinan: program yang berakhir tahun ini, JP dari program yang dituntaskan."),
		uiDateWithDay(o.Today)))

	var byStatus []string
	for _, st := range data.ProgramStatuses {
		byStatus = append(byStatus, fmt.Sprintf("%d %s", f.Status(st), L(st.Label())))
	}
	sat, satNote := "–", L("belum ada jawaban evaluasi")
	if !math.IsNaN(f.SatisfactionPercent) {
		sat = indo.Decimal(f.SatisfactionPercent, 2)
		satNote = fmt.Sprintf(L("%s · indeks 0–100, rata-rata %d program"), L(f.SatisfactionCategory), f.SatisfactionPrograms)
	}
	d.figures = map[string]string{}
	d.cards.Objects = []fyne.CanvasObject{
		d.card(L("Program tahun ini"), indo.Int(int64(f.Programs)), joinDot(byStatus)),
		d.card(L("Orang yang dilatih"), indo.Int(int64(f.Trained)), fmt.Sprintf(L("%s JP diperoleh dari %s pendaftaran yang tuntas"),
			indo.Int(int64(f.JP)), indo.Int(int64(f.Completions)))),
		d.card(reachedTitle(o.Targets), indo.Int(int64(f.Reached)),
			fmt.Sprintf(L("dari %s pegawai ASN (%s)"), indo.Int(int64(f.Employees)), indo.Percent(f.ReachedShare(), 1))),
		d.card(L("Indeks kepuasan rata-rata"), sat, satNote),
	}
	d.cards.Refresh()

	// Charts: programs by status, participants per month, employees at 20 JP.
	var labels, figures []string
	var values []float64
	for _, st := range data.ProgramStatuses {
		labels = append(labels, L(st.Label()))
		values = append(values, float64(f.Status(st)))
		figures = append(figures, strconv.Itoa(f.Status(st)))
	}
	status := chart.Columns(labels, values, figures, theme.Color(theme.ColorNamePrimary))
	labels, values, figures = nil, nil, nil
	for _, m := range f.Months {
		labels = append(labels, uiMonth(m.Month)[:3])
		values = append(values, float64(m.Participants))
		figures = append(figures, compact(m.Participants))
	}
	months := chart.Columns(labels, values, figures, theme.Color(theme.ColorNameSuccess))
	reached := chart.ShareBar(f.ReachedShare(), fmt.Sprintf(L("%s mencapai"), indo.Int(int64(f.Reached))),
		fmt.Sprintf(L("%s belum"), indo.Int(int64(f.Employees-f.Reached))))
	d.charts.Objects = []fyne.CanvasObject{
		chartCard(L("Program menurut status"), status),
		chartCard(L("Peserta per bulan (bulan selesai program)"), months),
		chartCard(fmt.Sprintf(L("Pegawai ASN dan %s"), o.Targets.Phrase()), container.NewVBox(reached,
			wrapLabel(fmt.Sprintf(L("%s pegawai belum memiliki JP tahun ini."), indo.Int(int64(d.withoutJP)))))),
	}
	d.charts.Refresh()
	d.showWeek()
	d.showAttention()
	d.scroll.Refresh() // everything grew: lay the page out again
}

// chartCard frames a chart under its title; the title wraps rather than widening the page (a card's own
// title never wraps, and three of them side by side would push the window wider than a laptop's screen).
func chartCard(title string, chart fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewBorder(l, nil, nil, nil, chart))
}

// compact writes a count for a small chart: 1.234 as "1,2 rb".
func compact(n int) string {
	if n >= 10000 {
		return indo.Number(float64(n)/1000, 0) + " rb"
	}
	if n >= 1000 {
		return indo.Number(float64(n)/1000, 1) + " rb"
	}
	return strconv.Itoa(n)
}

func joinDot(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " · "
		}
		out += p
	}
	return out
}

// linkRow is one line of a list that opens something: an icon, the text (wrapped) and a button.
func linkRow(icon fyne.Resource, text string, open func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(L("Buka"), theme.NavigateNextIcon(), open)
	b.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), b, wrapLabel(text))
}

// finishRow is the attention item of an ended program still marked planned or running: its JP already count,
// and one click sets it Selesai.
func (d *dashboard) finishRow(p *data.Program) fyne.CanvasObject {
	u := d.u
	text := L("{{.Code}} sudah berakhir {{.Date}} tetapi masih berstatus {{.Status}}",
		map[string]any{"Code": p.Code, "Date": uiDate(p.EndDate), "Status": L(p.Status.Label())})
	b := widget.NewButtonWithIcon(L("Tandai Selesai"), theme.ConfirmIcon(), nil)
	b.Importance = widget.LowImportance
	id := p.ID
	b.OnTapped = func() {
		b.Disable()
		u.goBackground(func() {
			err := u.store.SetProgramStatus(context.Background(), id, data.StatusFinished)
			fyne.Do(func() {
				if err != nil {
					b.Enable()
					u.showError(err)
					return
				}
				d.load()
			})
		})
	}
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.WarningIcon())), b, wrapLabel(text))
}

func (d *dashboard) showWeek() {
	u := d.u
	d.week.RemoveAll()
	if len(d.sessions) == 0 {
		d.week.Add(wrapLabel(L("Tidak ada sesi pekan ini.")))
	}
	for _, x := range d.sessions {
		text := fmt.Sprintf("%s · %s · %s — %s", uiDateWithDay(x.Date), x.TimeLabel(), x.ProgramCode, orDash(x.Topic))
		if x.Speaker != "" {
			text += " (" + x.Speaker + ")"
		}
		id := x.ProgramID
		d.week.Add(linkRow(theme.CalendarIcon(), text, func() { u.Navigate("programs"); u.openProgramAt(id, "Jadwal & Presensi") }))
	}
	d.week.Refresh()
}

// showAttention lists what needs the coordinator: ended programs still marked planned or running (with a
// button that sets them Selesai), sessions held without attendance entered, ended programs without evaluation
// results, eligible people without certificates, employees without JP this year, and forms still open.
func (d *dashboard) showAttention() {
	u := d.u
	d.attention.RemoveAll()
	open := func(id int64, tab string) func() {
		return func() { u.Navigate("programs"); u.openProgramAt(id, tab) }
	}
	var unfinished, unentered, noResults, uncertified []fyne.CanvasObject
	for _, l := range d.programs {
		p := l.Program
		if l.Unfinished() {
			unfinished = append(unfinished, d.finishRow(p))
		}
		if len(l.Unentered) > 0 && p.Status != data.StatusCancelled {
			unentered = append(unentered, linkRow(theme.ErrorIcon(), L("{{.Code}}: presensi belum diisi ({{.Sessions}})",
				map[string]any{"Code": p.Code, "Sessions": sessionNumbers(l.Unentered)}), open(p.ID, "Jadwal & Presensi")))
		}
		if !l.Ended || p.Status == data.StatusCancelled {
			continue
		}
		if l.Responses == 0 {
			noResults = append(noResults, linkRow(theme.WarningIcon(), fmt.Sprintf(L("%s selesai %s tanpa hasil evaluasi"), p.Code,
				uiDate(p.EndDate)), open(p.ID, "Evaluasi")))
		}
		if l.Uncertified > 0 {
			uncertified = append(uncertified, linkRow(theme.DocumentIcon(), fmt.Sprintf(L("%s: %s orang memenuhi syarat belum bersertifikat"),
				p.Code, indo.Int(int64(l.Uncertified))), open(p.ID, "Sertifikat")))
		}
	}
	for _, p := range d.earlier {
		unfinished = append(unfinished, d.finishRow(p))
	}
	var openForms []fyne.CanvasObject
	for _, f := range d.forms {
		closes := L("tanpa tanggal tutup")
		if !f.ClosesOn.IsZero() {
			closes = fmt.Sprintf(L("ditutup %s"), uiDate(f.ClosesOn))
		}
		text := fmt.Sprintf(L("%s · %s: %s jawaban, %s"), f.FormTitle, f.ProgramCode, indo.Int(int64(f.Responses)), closes)
		if f.Respondent != data.RespondentAnonymous && f.Respondent != data.RespondentSuperior && f.Expected > 0 {
			text = fmt.Sprintf(L("%s · %s: %s jawaban dari %s peserta, %s"), f.FormTitle, f.ProgramCode, indo.Int(int64(f.Responses)),
				indo.Int(int64(f.Expected)), closes)
		}
		openForms = append(openForms, linkRow(theme.MailComposeIcon(), text, open(f.ProgramID, "Evaluasi")))
	}
	add := func(items []fyne.CanvasObject, more string) {
		for i, it := range items {
			if i == dashboardItems {
				l := widget.NewLabel(fmt.Sprintf(more, len(items)-dashboardItems))
				l.Importance = widget.LowImportance
				d.attention.Add(l)
				break
			}
			d.attention.Add(it)
		}
	}
	add(unfinished, L("… dan %d program lain yang sudah berakhir tetapi belum ditandai selesai"))
	add(unentered, L("… dan %d program lain dengan presensi belum diisi"))
	add(noResults, L("… dan %d program selesai lain tanpa hasil evaluasi"))
	add(uncertified, L("… dan %d program lain dengan peserta belum bersertifikat"))
	if n := d.withoutJP; n > 0 {
		d.attention.Add(linkRow(theme.AccountIcon(), fmt.Sprintf(L("%s pegawai ASN belum memiliki JP tahun ini"), indo.Int(int64(n))),
			func() { u.openParticipantsJP(followup.JPZero) }))
	}
	if n := d.belowTarget; n > 0 {
		d.attention.Add(linkRow(theme.AccountIcon(), fmt.Sprintf(L("%s pegawai ASN belum mencapai target JP tahun ini"), indo.Int(int64(n))),
			func() { u.openParticipantsJP(followup.JPBelow) }))
	}
	add(openForms, L("… dan %d formulir lain yang masih dibuka"))
	if len(d.attention.Objects) == 0 {
		d.attention.Add(wrapLabel(L("Tidak ada yang perlu ditindaklanjuti.")))
	}
	d.attention.Refresh()
}

// reachedTitle names the dashboard's target figure: "Pegawai mencapai 20 JP" while every status shares the
// default number, the number the office set when all share another, "target JP" when they differ.
func reachedTitle(t data.JPTargets) string {
	if p := t.Phrase(); p != "target JP" {
		return fmt.Sprintf(L("Pegawai mencapai %s"), p)
	}
	return L("Pegawai mencapai target JP")
}

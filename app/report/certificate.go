package report

import (
	"bytes"
	"image"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// CertificateBatch is what the certificates of one program share, with the certificates to print.
type CertificateBatch struct {
	Institution  *data.Institution
	Program      *data.Program
	Design       *data.CertificateDesign
	Signatory    *data.Signatory // nil: a dotted line for a name written by hand
	Subjects     []*data.Subject
	Certificates []*data.Certificate
}

// certificateLayout is what every page of a batch shares, laid out once: the frame, the header, the title,
// the areas left for the body, the QR code and the signature.
type certificateLayout struct {
	b        *CertificateBatch
	m        measurer
	w, h     float64
	x, width float64 // the content column
	frame    []Op    // background or border, logo, institution, title
	titleEnd float64 // y below the title, where the number goes
	bottom   float64 // lowest y of the content
	template data.CertificateTemplate
	images   Images
	aspect   map[string]float64 // width / height of each image
	place    string
	sig      map[time.Time]sigBlock // by issue date
}

type sigBlock struct {
	ops []Op
	top float64
}

const (
	sigWidth = 100.0 // mm, the signature column
	qrSide   = 30.0  // mm, the QR code with its quiet zone
)

// newCertificateLayout checks the batch (images, body template, the subjects' JP) and lays out its shared
// parts. Every problem is an invalid-kind error in Indonesian that says what to fix where.
func newCertificateLayout(b *CertificateBatch, m measurer) (*certificateLayout, error) {
	d := b.Design
	l := &certificateLayout{b: b, m: m, w: 297, h: 210, images: Images{}, aspect: map[string]float64{},
		sig: map[time.Time]sigBlock{}}
	if d.Orientation == "portrait" {
		l.w, l.h = 210, 297
	}
	var err error
	if l.template, err = data.ParseCertificateTemplate(d.BodyTemplate()); err != nil {
		return nil, err
	}
	addImage := func(name, what string, img []byte) error {
		if len(img) == 0 {
			return nil
		}
		if err := data.CheckImage(img, what); err != nil {
			return err
		}
		cfg, _, _ := image.DecodeConfig(bytes.NewReader(img))
		l.images[name], l.aspect[name] = img, float64(cfg.Width)/float64(cfg.Height)
		return nil
	}
	if err := addImage("logo", "logo instansi (Pengaturan)", b.Institution.Logo); err != nil {
		return nil, err
	}
	if err := addImage("background", "latar sertifikat (desain sertifikat)", d.Background); err != nil {
		return nil, err
	}
	if g := b.Signatory; g != nil && d.SignatureMode == "image" {
		if len(g.Signature) == 0 {
			return nil, data.Errorf(data.KindInvalid, "Desain memakai gambar tanda tangan, tetapi %s belum memiliki gambar tanda tangan; "+
				"tambahkan di Pengaturan atau pilih mode tanda tangan lain", g.FullName())
		}
		if err := addImage("signature", "tanda tangan "+g.FullName()+" (Pengaturan)", g.Signature); err != nil {
			return nil, err
		}
	}
	if d.SubjectsPage {
		if len(b.Subjects) == 0 {
			return nil, data.Errorf(data.KindInvalid, "Halaman kedua sertifikat memuat daftar mata pelatihan, tetapi program ini belum memiliki mata pelatihan; "+
				"isi mata pelatihannya atau matikan halaman kedua")
		}
		total := 0
		for _, s := range b.Subjects {
			total += s.JP
		}
		if total != b.Program.TotalJP {
			return nil, data.Errorf(data.KindInvalid, "Jumlah JP mata pelatihan (%d) tidak sama dengan JP program di halaman pertama (%d); "+
				"perbaiki JP mata pelatihan atau JP program, atau matikan halaman kedua", total, b.Program.TotalJP)
		}
	}
	l.place = d.Place
	if l.place == "" {
		l.place = b.Institution.City
	}
	l.layoutFrame()
	return l, nil
}

// layoutFrame lays out what every first page shares: the background or a double border, the logo, the
// institution's name lines and the title.
func (l *certificateLayout) layoutFrame() {
	ops := &l.frame
	if _, ok := l.images["background"]; ok {
		*ops = append(*ops, Op{Kind: OpImage, Image: "background", W: l.w, H: l.h})
	} else {
		*ops = append(*ops,
			Op{Kind: OpRect, X: 8, Y: 8, W: l.w - 16, H: l.h - 16, Stroke: true, LineWidth: 1.1, Color: navy},
			Op{Kind: OpRect, X: 10.5, Y: 10.5, W: l.w - 21, H: l.h - 21, Stroke: true, LineWidth: 0.35, Color: gold})
	}
	margin := 22.0
	top := 15.0
	logoH := 20.0
	if l.w < l.h {
		margin, top, logoH = 20, 17, 24
	}
	l.x, l.width = margin, l.w-2*margin
	l.bottom = l.h - 14
	y := top
	if a, ok := l.aspect["logo"]; ok {
		lw := logoH * a
		if lw > 60 {
			lw, logoH = 60, 60/a
		}
		*ops = append(*ops, Op{Kind: OpImage, Image: "logo", X: (l.w - lw) / 2, Y: y, W: lw, H: logoH})
		y += logoH + 1.5
	} else {
		y += 3
	}
	in := l.b.Institution
	for _, line := range []struct {
		text string
		size float64
	}{{in.ParentName, 11}, {in.Name, 13}} {
		if t := strings.ToUpper(strings.TrimSpace(line.text)); t != "" {
			lines, size := l.m.fit(t, "B", line.size, 8, l.width, 1)
			y = textOps(ops, lines, l.x, y, l.width, size, "B", "C", navy)
		}
	}
	y += 2
	lines, size := l.m.fit(l.b.Design.Title, "B", 27, 14, l.width, 2)
	y = textOps(ops, lines, l.x, y, l.width, size, "B", "C", navy)
	l.titleEnd = y
}

// signature lays out the signature block for certificates issued on day (cached: a batch has one or two
// issue dates), bottom-aligned at the content's bottom in the right-hand column.
func (l *certificateLayout) signature(day time.Time) sigBlock {
	if s, ok := l.sig[day]; ok {
		return s
	}
	var ops []Op
	x, w := l.x+l.width-sigWidth, sigWidth
	if l.w < l.h {
		x, w = l.x+l.width-88, 88
	}
	const size = 11.0
	lh := lineHeight(size)
	// First measure, at y = 0; then shift to sit on the bottom.
	y := 0.0
	line := func(text, style string) {
		for _, t := range l.m.split(text, style, size, w) {
			ops = append(ops, Op{Kind: OpText, X: x, Y: y, W: w, H: lh, Text: t, Size: size, Style: style, Align: "C", Color: black})
			y += lh
		}
	}
	when := l.place
	if !day.IsZero() {
		if when != "" {
			when += ", "
		}
		when += indo.Date(day)
	}
	if when != "" {
		line(when, "")
	}
	g := l.b.Signatory
	if g == nil {
		y += 22
		line("(..............................................)", "")
	} else {
		for _, p := range g.PositionLines() {
			line(p, "")
		}
		const room = 22.0
		switch l.b.Design.SignatureMode {
		case "image":
			sh := room - 2
			sw := sh * l.aspect["signature"]
			if sw > w*0.8 {
				sw, sh = w*0.8, w*0.8/l.aspect["signature"]
			}
			ops = append(ops, Op{Kind: OpImage, Image: "signature", X: x + (w-sw)/2, Y: y + 1 + (room-2-sh)/2, W: sw, H: sh})
		case "box":
			bw := min(w*0.7, 62)
			ops = append(ops,
				Op{Kind: OpRect, X: x + (w-bw)/2, Y: y + 1, W: bw, H: room - 2, Stroke: true, LineWidth: 0.3, Dashed: true, Color: grey},
				Op{Kind: OpText, X: x, Y: y + room/2 - 2, W: w, H: 4, Text: "Tempat tanda tangan elektronik", Size: 7, Style: "I", Align: "C", Color: grey})
		}
		y += room
		name := g.FullName()
		lines, nsize := l.m.fit(name, "B", size, 8, w, 2)
		for _, t := range lines {
			tw := l.m.width(t, "B", nsize)
			nlh := lineHeight(nsize)
			ops = append(ops, Op{Kind: OpText, X: x, Y: y, W: w, H: nlh, Text: t, Size: nsize, Style: "B", Align: "C", Color: black},
				Op{Kind: OpLine, X: x + (w-tw)/2, Y: y + nlh - 0.3, W: tw, LineWidth: 0.25, Color: black})
			y += nlh
		}
		if g.RankCode != "" {
			line(rankLine(g.RankCode), "")
		}
		if g.NIP != "" {
			line("NIP. "+formatNIP(g.NIP), "")
		}
	}
	shift := l.bottom - y
	for i := range ops {
		ops[i].Y += shift
	}
	s := sigBlock{ops: ops, top: shift}
	l.sig[day] = s
	return s
}

// page lays out the first page of certificate c with its QR code.
func (l *certificateLayout) page(c *data.Certificate, q pdf.QRCode) (CertificatePage, error) {
	ops := make([]Op, 0, len(l.frame)+40)
	ops = append(ops, l.frame...)
	y := textOps(&ops, []string{"Nomor: " + c.Number}, l.x, l.titleEnd+0.5, l.width, 11, "", "C", black)
	ops = append(ops, Op{Kind: OpLine, X: l.w/2 - 40, Y: y + 2, W: 80, LineWidth: 0.5, Color: gold})
	top := y + 5
	sig := l.signature(c.IssuedOn)
	ops = append(ops, sig.ops...)
	bottom := sig.top - 3
	body, err := l.body(c, bottom-top)
	if err != nil {
		return CertificatePage{}, err
	}
	// What room is left goes a third above the body and two thirds below it, towards the signature.
	offset := top + (bottom-top-body.height)/3
	for _, op := range body.ops {
		op.Y += offset
		ops = append(ops, op)
	}
	// The QR code sits bottom left, its caption under it.
	qx, qy := l.x, l.bottom-qrSide-9
	ops = append(ops, Op{Kind: OpQR, X: qx, Y: qy, W: qrSide, H: qrSide, QR: &q})
	caption := l.m.split("Pindai untuk memeriksa keaslian dengan Pembina (Verifikasi Sertifikat)", "I", 6.5, qrSide+14)
	textOps(&ops, caption, qx-7, qy+qrSide+0.5, qrSide+14, 6.5, "I", "C", grey)
	return CertificatePage{W: l.w, H: l.h, Ops: ops}, nil
}

type laidOut struct {
	ops    []Op
	height float64
}

// body lays out the filled template in a box of the given height, shrinking every size together (down to
// 60%) until it fits. A body that does not fit even then is an error: a certificate never overflows.
func (l *certificateLayout) body(c *data.Certificate, room float64) (laidOut, error) {
	lines := l.template.Fill(data.CertificateValuesOf(l.b.Design.Kind, l.b.Program, c))
	if err := data.RoleTextError(lines, c); err != nil {
		return laidOut{}, err
	}
	start := 1.0
	if l.w < l.h {
		start = 1.15 // a portrait page has the height for larger type
	}
	for scale := start; scale >= 0.599; scale -= 0.05 {
		if out := l.bodyAt(lines, scale); out.height <= room {
			return out, nil
		}
	}
	return laidOut{}, data.Errorf(data.KindInvalid, "Isi sertifikat %s terlalu panjang untuk satu halaman walau huruf sudah diperkecil; "+
		"persingkat isi sertifikat di desain atau pilih orientasi tegak", c.Number)
}

func (l *certificateLayout) bodyAt(lines []data.CertificateLine, scale float64) laidOut {
	var ops []Op
	y := 0.0
	para, head, ident := 11.5*scale, 12.5*scale, 11*scale
	portrait := l.w < l.h
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch line.Kind {
		case data.LineName:
			y += 1.5 * scale
			text, size := l.m.fit(line.Text, "B", 22*scale, 11*scale, l.width*0.94, 2)
			if len(text) > 2 {
				text, size = l.m.fit(line.Text, "B", 11*scale, 8, l.width*0.94, 3)
			}
			y = textOps(&ops, text, l.x, y, l.width, size, "B", "C", navy)
			y += 1.5 * scale
		case data.LineHeading:
			y += 2.5 * scale
			text, size := l.m.fit(line.Text, "B", head, 8, l.width, 2)
			y = textOps(&ops, text, l.x, y, l.width, size, "B", "C", black)
			y += 1.5 * scale
		case data.LineIdentity:
			j := i
			for j < len(lines) && lines[j].Kind == data.LineIdentity {
				j++
			}
			y = l.identity(&ops, lines[i:j], y+1*scale, ident) + 1*scale
			i = j - 1
		default:
			w := l.width * 0.9
			if portrait {
				w = l.width
			}
			text := l.m.split(line.Text, "", para, w)
			y = textOps(&ops, text, l.x+(l.width-w)/2, y, w, para, "", "C", black)
			y += 0.8 * scale
		}
	}
	return laidOut{ops: ops, height: y}
}

// identity lays out rows "Label : value" as a block centred on the page, labels in one column and values
// wrapped in the next.
func (l *certificateLayout) identity(ops *[]Op, rows []data.CertificateLine, y, size float64) float64 {
	labelW, valueW := 0.0, 0.0
	for _, r := range rows {
		labelW = max(labelW, l.m.width(r.Label, "", size))
		valueW = max(valueW, l.m.width(r.Text, "", size))
	}
	colon := l.m.width(" : ", "", size)
	valueW = min(valueW+1, l.width*0.62)
	labelW = min(labelW+3, l.width*0.3)
	x := l.x + (l.width-labelW-colon-valueW)/2
	lh := lineHeight(size)
	for _, r := range rows {
		label := l.m.split(r.Label, "", size, labelW)
		value := l.m.split(r.Text, "", size, valueW)
		textOps(ops, label, x, y, labelW, size, "", "L", black)
		*ops = append(*ops, Op{Kind: OpText, X: x + labelW, Y: y, W: colon, H: lh, Text: ":", Size: size, Align: "C", Color: black})
		end := textOps(ops, value, x+labelW+colon, y, valueW, size, "", "L", black)
		y = max(end, y+float64(len(label))*lh)
	}
	return y
}

// subjectsPage lays out the second page: the subjects with their JP and the total, which equals page one's.
func (l *certificateLayout) subjectsPage(c *data.Certificate) (CertificatePage, error) {
	var ops []Op
	if _, ok := l.images["background"]; ok {
		ops = append(ops, Op{Kind: OpImage, Image: "background", W: l.w, H: l.h})
	} else {
		ops = append(ops, l.frame[0], l.frame[1])
	}
	y := 20.0
	y = textOps(&ops, []string{"DAFTAR MATA PELATIHAN"}, l.x, y, l.width, 15, "B", "C", navy)
	p := l.b.Program
	title, size := l.m.fit(p.Title+" "+p.BatchLabel(), "B", 11.5, 8, l.width*0.9, 2)
	y = textOps(&ops, title, l.x+l.width*0.05, y+1, l.width*0.9, size, "B", "C", black)
	y = textOps(&ops, l.m.split("Lampiran Sertifikat Nomor: "+c.Number+" atas nama "+c.HolderName, "", 10, l.width*0.9), l.x+l.width*0.05, y+1, l.width*0.9, 10, "", "C", black)
	y += 4
	sig := l.signature(c.IssuedOn)
	room := sig.top - 4 - y
	tableW := min(l.width, 180.0)
	cols := []float64{12, tableW - 12 - 22, 22}
	x0 := l.x + (l.width-tableW)/2
	for size := 10.5; size >= 7.5; size -= 0.5 {
		table := l.subjectTable(x0, y, cols, size)
		if table.height <= room {
			ops = append(ops, table.ops...)
			ops = append(ops, sig.ops...)
			return CertificatePage{W: l.w, H: l.h, Ops: ops}, nil
		}
	}
	return CertificatePage{}, data.Errorf(data.KindInvalid, "Daftar %d mata pelatihan tidak muat di halaman kedua; gabungkan mata pelatihan "+
		"atau pilih orientasi tegak", len(l.b.Subjects))
}

func (l *certificateLayout) subjectTable(x0, y0 float64, cols []float64, size float64) laidOut {
	var ops []Op
	lh := lineHeight(size)
	y := y0
	row := func(cells []string, style string, fill bool) {
		var wrapped [][]string
		n := 1
		for i, c := range cells {
			w := l.m.split(c, style, size, cols[i]-3)
			wrapped = append(wrapped, w)
			n = max(n, len(w))
		}
		h := float64(n)*lh + 2
		x := x0
		for i, w := range wrapped {
			ops = append(ops, Op{Kind: OpRect, X: x, Y: y, W: cols[i], H: h, Stroke: true, Fill: fill, LineWidth: 0.2, Color: black})
			align := "L"
			if i != 1 {
				align = "C"
			}
			textOps(&ops, w, x+1.5, y+(h-float64(len(w))*lh)/2, cols[i]-3, size, style, align, black)
			x += cols[i]
		}
		y += h
	}
	row([]string{"NO", "MATA PELATIHAN", "JP"}, "B", true)
	total := 0
	for i, s := range l.b.Subjects {
		row([]string{indo.Plain(int64(i + 1)), s.Name, indo.Plain(int64(s.JP))}, "", false)
		total += s.JP
	}
	// The total row spans the first two columns.
	h := lh + 2
	ops = append(ops, Op{Kind: OpRect, X: x0, Y: y, W: cols[0] + cols[1], H: h, Stroke: true, LineWidth: 0.2, Color: black},
		Op{Kind: OpRect, X: x0 + cols[0] + cols[1], Y: y, W: cols[2], H: h, Stroke: true, LineWidth: 0.2, Color: black})
	textOps(&ops, []string{"JUMLAH"}, x0, y+1, cols[0]+cols[1]-3, size, "B", "R", black)
	textOps(&ops, []string{indo.Plain(int64(total))}, x0+cols[0]+cols[1], y+1, cols[2], size, "B", "C", black)
	y += h
	return laidOut{ops: ops, height: y - y0}
}

// pages lays out every page of one certificate: the certificate, and the subjects when the design has them.
func (l *certificateLayout) pages(c *data.Certificate, q pdf.QRCode) ([]CertificatePage, error) {
	first, err := l.page(c, q)
	if err != nil {
		return nil, err
	}
	if !l.b.Design.SubjectsPage {
		return []CertificatePage{first}, nil
	}
	second, err := l.subjectsPage(c)
	if err != nil {
		return nil, err
	}
	return []CertificatePage{first, second}, nil
}

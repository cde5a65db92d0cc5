package app

import (
	"fyne.io/fyne/v2"

	"github.com/pembina/pembina/data"
)

// programEvaluationTab is the Evaluasi tab: forms attached to the program, responses and results.
func (u *UI) programEvaluationTab(p *data.Program) fyne.CanvasObject {
	return comingSoon("Evaluasi", "Formulir evaluasi dan tes yang dilampirkan ke program ini, pengisian di laptop (mode kios) atau dari kertas, impor jawaban Google Forms, tingkat respons dan hasilnya.")
}

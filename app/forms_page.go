package app

import "fyne.io/fyne/v2"

// formsPage is Formulir: the survey and test templates.
func (u *UI) formsPage() fyne.CanvasObject {
	return comingSoon("Formulir", "Templat evaluasi dan tes: Evaluasi Penyelenggaraan, Evaluasi Narasumber, Pre-test dan Post-test, Evaluasi Pasca Pelatihan untuk alumni dan atasan, serta formulir buatan sendiri.")
}

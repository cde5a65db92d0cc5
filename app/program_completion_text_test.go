package app

import (
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// TestReasonsHaveEnglish: every reason of the completion rule, in each of its variants, has English, and the
// English window shows it in English with the figures filled in.
func TestReasonsHaveEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range data.ReasonCodes {
		for _, r := range []data.Reason{{Code: c}, {Code: c, PostTest: true, Granted: true}} {
			text, _ := r.Template()
			if _, ok := en[text]; !ok {
				t.Errorf("reason %d: %q has no English", c, text)
			}
		}
	}
	for _, st := range data.ServiceStatuses {
		if _, ok := en[st.Label()]; !ok {
			t.Errorf("service status %q has no English", st.Label())
		}
	}
	if _, ok := en[pService]; !ok {
		t.Errorf("%q has no English", pService)
	}
	if err := applyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	defer applyLanguage("id")
	got := reasonsText(data.Reasons{{Code: data.ReasonAttendanceBelow, Rate: 0.6, Threshold: 80},
		{Code: data.ReasonScoreBelow, Score: 55, PassScore: 70, PostTest: true}})
	if want := "attendance 60,0%, below the threshold of 80,0%; post-test score 55, below the pass score of 70"; got != want {
		t.Errorf("English reasons %q, want %q", got, want)
	}
	if got := sessionList([]*data.Session{{Number: 3, Date: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), Topic: "Penutupan"}}); !strings.HasPrefix(got, "session 3 (") {
		t.Errorf("English session list %q", got)
	}
}

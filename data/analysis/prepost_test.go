package analysis

import (
	"math"
	"testing"

	"github.com/pembina/pembina/data"
)

// testForm has four items of 25 points, keys K1…K4 in the given order; IDs are base+1…base+4 for K1…K4.
func testForm(kind data.FormKind, base int64, order ...int) *data.Form {
	f := &data.Form{Kind: kind, Scale: data.Scale100, ItemBank: "bank", Sections: []*data.Section{{}}}
	for _, k := range order {
		f.Sections[0].Questions = append(f.Sections[0].Questions, &data.Question{ID: base + int64(k),
			Kind: data.QuestionTestItem, Text: "Soal " + string(rune('0'+k)), Options: []string{"a", "b", "c"}, Correct: "a",
			Points: 25, ItemKey: "K" + string(rune('0'+k))})
	}
	return f
}

// took answers every item of f: "a" (correct) for the keys listed, "b" otherwise.
func took(f *data.Form, participant int64, correct ...int) *data.Response {
	r := &data.Response{ParticipantID: participant}
	ok := map[string]bool{}
	for _, k := range correct {
		ok["K"+string(rune('0'+k))] = true
	}
	for _, q := range f.Questions() {
		choice := "b"
		if ok[q.ItemKey] {
			choice = "a"
		}
		r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: choice})
	}
	return r
}

// The expected values were worked out by hand; see the comments.
func TestPrePost(t *testing.T) {
	pre := testForm(data.FormPreTest, 100, 1, 2, 3, 4)
	post := testForm(data.FormPostTest, 200, 4, 3, 2, 1)
	preResp := []*data.Response{
		took(pre, 1, 1),          // P1: 25
		took(pre, 2, 1, 2, 3, 4), // P2: 100, the maximum
		took(pre, 3, 1, 2),       // P3: 50
		took(pre, 4),             // P4: 0
		took(pre, 5, 1, 2),       // P5: 50, no post-test
	}
	postResp := []*data.Response{
		took(post, 1, 1, 2, 3),    // P1: 75 → gain 50, g = 50/75 = 0,6667 Sedang
		took(post, 2, 1, 2, 3),    // P2: 75 → g undefined (pre = max), declined
		took(post, 3, 1),          // P3: 25 → g = −25/50 = −0,5 Rendah, declined
		took(post, 4, 1, 2, 3, 4), // P4: 100 → g = 1 Tinggi
		took(post, 6, 1, 2, 3, 4), // P6: 100, no pre-test
		took(post, 0),             // anonymous: 0
	}
	names := map[int64]string{1: "Ani", 2: "Budi", 3: "Citra", 4: "Dedi", 5: "Euis", 6: "Fajar"}
	res := PrePost(pre, preResp, post, postResp, 70, names)

	if res.PreN != 5 || res.PostN != 6 || res.Paired != 4 {
		t.Errorf("pre %d post %d paired %d; want 5, 6, 4", res.PreN, res.PostN, res.Paired)
	}
	// class: pre (25 + 100 + 50 + 0) / 4 = 43,75; post (75 + 75 + 25 + 100) / 4 = 68,75; g = 25 / 56,25 = 0,4444
	if !near(res.MeanPre, 43.75) || !near(res.MeanPost, 68.75) || !near(res.ClassNGain, 25/56.25) || res.ClassCategory != data.GainMedium {
		t.Errorf("class %v → %v, g %v %s", res.MeanPre, res.MeanPost, res.ClassNGain, res.ClassCategory)
	}
	// mean of the defined individual gains: (0,6667 − 0,5 + 1) / 3 = 0,3889
	if res.MeanNGainN != 3 || !near(res.MeanNGain, (2.0/3-0.5+1)/3) || res.MeanNGainCategory != data.GainMedium {
		t.Errorf("mean individual g %v over %d (%s)", res.MeanNGain, res.MeanNGainN, res.MeanNGainCategory)
	}
	// passing 70: 75, 75, 100, 100 of six post-tests
	if res.Declined != 2 || res.Passed != 4 || !near(res.PassShare, 4.0/6) {
		t.Errorf("declined %d, passed %d (%v)", res.Declined, res.Passed, res.PassShare)
	}
	want := map[int64]struct {
		pre, post, gain, g float64
		cat                string
		declined, passed   bool
	}{
		1: {25, 75, 50, 2.0 / 3, data.GainMedium, false, true},
		2: {100, 75, -25, math.NaN(), "", true, true},
		3: {50, 25, -25, -0.5, data.GainLow, true, false},
		4: {0, 100, 100, 1, data.GainHigh, false, true},
		5: {50, math.NaN(), math.NaN(), math.NaN(), "", false, false},
		6: {math.NaN(), 100, math.NaN(), math.NaN(), "", false, true},
	}
	if len(res.Takers) != len(want) {
		t.Fatalf("%d takers", len(res.Takers))
	}
	for _, tk := range res.Takers {
		w := want[tk.ParticipantID]
		if !near(tk.Pre, w.pre) || !near(tk.Post, w.post) || !near(tk.Gain, w.gain) || !near(tk.NGain, w.g) ||
			tk.Category != w.cat || tk.Declined != w.declined || tk.Passed != w.passed || tk.Name != names[tk.ParticipantID] {
			t.Errorf("%s: %+v, want %+v", tk.Name, tk, w)
		}
	}
	// items in the post-test's order K4, K3, K2, K1; pre shares over 5 takers, post over 6
	items := []struct {
		key       string
		pre, post float64
	}{{"K4", 1.0 / 5, 2.0 / 6}, {"K3", 1.0 / 5, 4.0 / 6}, {"K2", 3.0 / 5, 4.0 / 6}, {"K1", 4.0 / 5, 5.0 / 6}}
	if len(res.Items) != 4 {
		t.Fatalf("items %+v", res.Items)
	}
	for i, w := range items {
		it := res.Items[i]
		if it.Key != w.key || !near(it.Pre, w.pre) || !near(it.Post, w.post) || it.PreN != 5 || it.PostN != 6 {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
	if res.Items[0].PostNumber != 1 || res.Items[0].PreNumber != 4 {
		t.Errorf("K4 numbered %d in the post-test, %d in the pre-test", res.Items[0].PostNumber, res.Items[0].PreNumber)
	}
}

func TestPrePostEdgeCases(t *testing.T) {
	pre := testForm(data.FormPreTest, 100, 1, 2, 3, 4)
	post := testForm(data.FormPostTest, 200, 1, 2, 3, 4)
	// Everyone perfect on the pre-test: class g undefined, no individual g.
	res := PrePost(pre, []*data.Response{took(pre, 1, 1, 2, 3, 4)}, post, []*data.Response{took(post, 1, 1, 2, 3, 4)}, 0, nil)
	if !math.IsNaN(res.ClassNGain) || res.ClassCategory != "" || res.MeanNGainN != 0 || !math.IsNaN(res.MeanNGain) {
		t.Errorf("pre = max: class g %v, mean g %v over %d", res.ClassNGain, res.MeanNGain, res.MeanNGainN)
	}
	// Only a pre-test attached.
	only := PrePost(pre, []*data.Response{took(pre, 1, 1)}, nil, nil, 70, nil)
	if only.PreN != 1 || only.PostN != 0 || only.Paired != 0 || !math.IsNaN(only.MeanPre) || !math.IsNaN(only.PassShare) ||
		len(only.Items) != 4 || only.Items[0].PostAsked || !math.IsNaN(only.Items[0].Post) {
		t.Errorf("pre-test only: %+v", only)
	}
	// Items without keys are matched by their text.
	pre.Sections[0].Questions[0].ItemKey, post.Sections[0].Questions[0].ItemKey = "", ""
	res = PrePost(pre, nil, post, nil, 0, nil)
	if len(res.Items) != 4 || !res.Items[0].PreAsked || !res.Items[0].PostAsked {
		t.Errorf("matching by text: %+v", res.Items)
	}
}

package analysis

import (
	"math"
	"sort"
	"strings"

	"github.com/pembina/pembina/data"
)

// MaxScore is the top of the 0–100 scale test scores are given on.
const MaxScore = 100

// TestTaker is one participant's pre-test and post-test.
type TestTaker struct {
	ParticipantID int64
	Name          string
	Pre, Post     float64 // scores on 0–100; NaN when the test was not taken
	HasPre        bool
	HasPost       bool
	Gain          float64 // Post − Pre; NaN unless both were taken
	NGain         float64 // (Post − Pre) ÷ (100 − Pre); NaN when undefined (a perfect pre-test) or a test is missing
	Category      string  // Tinggi, Sedang or Rendah; "" when NGain is NaN
	Declined      bool    // Post below Pre: flag it
	Passed        bool    // Post at or above the pass score
}

// ItemResult is one item of the item bank: the share of takers who answered it correctly (its difficulty
// index p: high is easy) in each test.
type ItemResult struct {
	Key, Text  string
	Pre, Post  float64 // share correct; NaN when the test does not ask the item or nobody took it
	PreN       int     // takers of the pre-test
	PostN      int
	PreAsked   bool
	PostAsked  bool
	PreNumber  int // the item's number in each test, 0 when not asked
	PostNumber int
}

// PrePostResult is a class's learning (Kirkpatrick level 2).
type PrePostResult struct {
	Pre, Post *data.Form  // either may be nil when only one test is attached
	Takers    []TestTaker // by name
	PreN      int         // pre-tests taken, anonymous ones included
	PostN     int
	Paired    int // participants who took both

	// The class figures are over the paired participants, so that the gain compares the same people.
	MeanPre, MeanPost float64
	ClassNGain        float64 // (MeanPost − MeanPre) ÷ (100 − MeanPre); NaN when MeanPre is 100 or nobody is paired
	ClassCategory     string
	MeanNGain         float64 // the mean of the individual normalised gains that are defined
	MeanNGainN        int     // how many individual gains were defined
	MeanNGainCategory string
	Declined          int // paired participants whose post-test is below their pre-test

	PassScore float64 // the program's pass score (0 when it has none)
	Passed    int     // post-tests at or above it
	PassShare float64 // Passed ÷ PostN; NaN without post-tests

	Items []ItemResult
}

// PrePost scores both tests (data.Response.Score: points of correct answers over the form's total, on
// 0–100) and compares them per participant and for the class. Items are matched by their item key, or by
// their text when they have none. names gives the participants' names; passScore ≤ 0 counts every post-test
// as passed.
func PrePost(pre *data.Form, preResponses []*data.Response, post *data.Form, postResponses []*data.Response,
	passScore float64, names map[int64]string) *PrePostResult {
	res := &PrePostResult{Pre: pre, Post: post, PassScore: passScore, MeanPre: math.NaN(), MeanPost: math.NaN(),
		ClassNGain: math.NaN(), MeanNGain: math.NaN(), PassShare: math.NaN()}
	byID := map[int64]*TestTaker{}
	var order []int64
	taker := func(id int64) *TestTaker {
		t := byID[id]
		if t == nil {
			t = &TestTaker{ParticipantID: id, Name: names[id], Pre: math.NaN(), Post: math.NaN()}
			byID[id] = t
			order = append(order, id)
		}
		return t
	}
	if pre != nil {
		scores, _ := scoreAll(pre, preResponses)
		for i, r := range preResponses {
			if math.IsNaN(scores[i]) {
				continue
			}
			res.PreN++
			if r.ParticipantID != 0 {
				t := taker(r.ParticipantID)
				t.Pre, t.HasPre = scores[i], true
			}
		}
	}
	if post != nil {
		scores, _ := scoreAll(post, postResponses)
		for i, r := range postResponses {
			if math.IsNaN(scores[i]) {
				continue
			}
			res.PostN++
			if scores[i] >= passScore {
				res.Passed++
			}
			if r.ParticipantID != 0 {
				t := taker(r.ParticipantID)
				t.Post, t.HasPost = scores[i], true
				t.Passed = scores[i] >= passScore
			}
		}
	}
	res.PassShare = share(res.Passed, res.PostN)
	var sumPre, sumPost, sumG float64
	for _, id := range order {
		t := byID[id]
		t.Gain, t.NGain = math.NaN(), math.NaN()
		if t.HasPre && t.HasPost {
			res.Paired++
			sumPre += t.Pre
			sumPost += t.Post
			t.Gain = t.Post - t.Pre
			t.Declined = t.Post < t.Pre
			if t.Declined {
				res.Declined++
			}
			if g, ok := data.NormalisedGain(t.Pre, t.Post, MaxScore); ok {
				t.NGain, t.Category = g, data.GainCategory(g)
				sumG += g
				res.MeanNGainN++
			}
		}
		res.Takers = append(res.Takers, *t)
	}
	if res.Paired > 0 {
		res.MeanPre, res.MeanPost = sumPre/float64(res.Paired), sumPost/float64(res.Paired)
		if g, ok := data.NormalisedGain(res.MeanPre, res.MeanPost, MaxScore); ok {
			res.ClassNGain, res.ClassCategory = g, data.GainCategory(g)
		}
	}
	if res.MeanNGainN > 0 {
		res.MeanNGain = sumG / float64(res.MeanNGainN)
		res.MeanNGainCategory = data.GainCategory(res.MeanNGain)
	}
	keys := make(map[int64]string, len(res.Takers))
	for _, tk := range res.Takers {
		keys[tk.ParticipantID] = strings.ToLower(tk.Name)
	}
	sort.SliceStable(res.Takers, func(i, j int) bool {
		a, b := keys[res.Takers[i].ParticipantID], keys[res.Takers[j].ParticipantID]
		if a != b {
			return a < b
		}
		return res.Takers[i].ParticipantID < res.Takers[j].ParticipantID
	})
	res.Items = items(pre, preResponses, post, postResponses)
	return res
}

func itemKey(q *data.Question) string {
	if q.ItemKey != "" {
		return "k:" + q.ItemKey
	}
	return "t:" + data.SearchKey(q.Text)
}

// items computes the share correct of every item in either test, in the post-test's order (then the
// pre-test's items it lacks).
func items(pre *data.Form, preResponses []*data.Response, post *data.Form, postResponses []*data.Response) []ItemResult {
	index := map[string]int{}
	var out []ItemResult
	add := func(f *data.Form, responses []*data.Response, isPre bool) {
		if f == nil {
			return
		}
		_, counts := scoreAll(f, responses)
		number := 0
		for _, q := range f.Visible() {
			number++
			if q.Kind != data.QuestionTestItem {
				continue
			}
			k := itemKey(q)
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, ItemResult{Key: q.ItemKey, Text: q.Text, Pre: math.NaN(), Post: math.NaN()})
			}
			correct := counts[q.ID]
			it := &out[i]
			if isPre {
				it.PreAsked, it.PreN, it.Pre, it.PreNumber = true, len(responses), share(correct, len(responses)), number
			} else {
				it.PostAsked, it.PostN, it.Post, it.PostNumber = true, len(responses), share(correct, len(responses)), number
			}
		}
	}
	add(post, postResponses, false)
	add(pre, preResponses, true)
	return out
}

// scoreAll scores every response to a test in one pass over the answers: each response's score on 0–100 (as
// data.Response.Score; NaN when the form has no test items) and how many answered each item correctly.
func scoreAll(f *data.Form, responses []*data.Response) (scores []float64, correct map[int64]int) {
	items := map[int64]*data.Question{}
	for _, q := range f.Visible() {
		if q.Kind == data.QuestionTestItem {
			items[q.ID] = q
		}
	}
	total := f.TotalPoints()
	scores = make([]float64, len(responses))
	correct = make(map[int64]int, len(items))
	for i, r := range responses {
		if total <= 0 {
			scores[i] = math.NaN()
			continue
		}
		var got float64
		for _, a := range r.Answers {
			if q := items[a.QuestionID]; q != nil && a.Text == q.Correct {
				got += q.Points
				correct[q.ID]++
			}
		}
		scores[i] = got / total * 100
	}
	return scores, correct
}

package text

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/fonts"
)

// Paragraphs shaped ahead on other goroutines (Preshape) are laid out
// exactly as an engine shaping them in turn lays them out, in scripts
// that go-text shapes differently (Latin, Arabic, Devanagari, Thai, CJK
// with its phrase levels), bold and regular; `go test -race` sees any
// face shared between the goroutines.
func TestPreshapeLaysOutTheSame(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	waitHelpersIdle(t)
	reqs := []Request{
		{"Call or text 1-888-373-7888, even if you are not sure. Someone is there all day, every day.", Style{Lang: language.English}},
		{"Know the signs of child sex trafficking", Style{Lang: language.English, Bold: true}},
		{"اتصل على 1-888-373-7888 حتى لو لم تكن متأكدًا. هناك من يجيب طوال اليوم.", Style{Lang: language.Arabic}},
		{"अगर आपको यकीन नहीं है तब भी कॉल करें। कोई हमेशा सुनने के लिए है।", Style{Lang: language.Hindi}},
		{"โทร\u200bหรือ\u200bส่งข้อความ\u200bถึง\u200bสายด่วน แม้\u200bจะ\u200bไม่\u200bแน่ใจ", Style{Lang: language.Thai}},
		{"即使您不确定，也请拨打或发短信至 1-888-373-7888。儿童性交易的迹象包括不上学和有年长的男朋友。", Style{Lang: language.SimplifiedChinese}},
		{"子どもの性的人身取引のサインを知ってください。誰かに仕事や性的な行為を強制されていませんか？", Style{Lang: language.Japanese, Bold: true}},
		{"", Style{Lang: language.English}},
	}
	seq := NewEngine(fonts.Builtin())
	pre := NewEngine(fonts.Builtin())
	pre.Preshape(append(reqs, reqs[0])) // a repeated request is shaped once
	asked, _, _ := pre.Preshaped()
	if asked != len(reqs)-1 {
		t.Fatalf("%d paragraphs asked for ahead, want %d (every text once, not the empty one)", asked, len(reqs)-1)
	}
	for _, r := range reqs[:len(reqs)-1] {
		for _, w := range []float64{90, 200, 400} {
			st := r.Style
			st.Size, st.LineHeight = 11, 1.3
			want, err := seq.Layout(r.Text, st, w)
			if err != nil {
				t.Fatal(err)
			}
			got, err := pre.Layout(r.Text, st, w)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s at %g pt: shaped ahead, laid out as\n%s\nnot\n%s", r.Style.Lang, w, strings.Join(got.LineTexts(), " / "), strings.Join(want.LineTexts(), " / "))
			}
		}
	}
	asked, used, notAhead := pre.Preshaped()
	if used != asked || notAhead != 0 {
		t.Errorf("after laying out every paragraph: %d asked for ahead, %d of them used, %d shaped not ahead; want all used, none other", asked, used, notAhead)
	}
}

// Preshape leaves alone what is too little to share out, and what the
// engine has already shaped.
func TestPreshapeOnlyWhatIsWorthIt(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	waitHelpersIdle(t)
	e := NewEngine(fonts.Builtin())
	e.Preshape([]Request{{"Call 1-888-373-7888", Style{Lang: language.English}}, {"Text 233733", Style{Lang: language.English}}})
	if asked, _, _ := e.Preshaped(); asked != 0 {
		t.Errorf("two short lines: %d asked for ahead, want none (shaped when asked)", asked)
	}
	long := strings.Repeat("Signs to look for: a much older boyfriend, gifts nobody explains, missing school. ", 6)
	if _, err := e.Shape(long, Style{Lang: language.English}); err != nil {
		t.Fatal(err)
	}
	e.Preshape([]Request{{long, Style{Lang: language.English}}, {long, Style{Lang: language.English, Bold: true}}})
	if asked, _, notAhead := e.Preshaped(); asked != 0 || notAhead != 1 {
		t.Errorf("one long paragraph already shaped: %d asked for ahead, %d shaped otherwise; want 0 and 1 (one left to shape is not shared out)", asked, notAhead)
	}
}

// The goroutines shaping ahead are one fewer than the processors in the
// whole process, whatever the engines asking: with every helper taken (a
// batch's other workers shaping ahead), an engine shapes as it goes.
func TestPreshapeHelpersBounded(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	waitHelpersIdle(t)
	if got := takeHelpers(10); got != 3 {
		t.Fatalf("took %d helpers of 4 processors, want 3", got)
	}
	if got := takeHelpers(1); got != 0 {
		t.Errorf("took %d more helpers with all taken, want 0", got)
	}
	long := strings.Repeat("Signs to look for: a much older boyfriend, gifts nobody explains, missing school. ", 6)
	reqs := []Request{{long, Style{Lang: language.English}}, {long, Style{Lang: language.English, Bold: true}}}
	e := NewEngine(fonts.Builtin())
	e.Preshape(reqs)
	if asked, _, _ := e.Preshaped(); asked != 0 {
		t.Errorf("every helper busy: %d paragraphs asked for ahead, want none", asked)
	}
	releaseHelpers(3)
	e.Preshape(reqs)
	if asked, _, _ := e.Preshaped(); asked != 2 {
		t.Errorf("helpers free: %d paragraphs asked for ahead, want 2", asked)
	}
	for _, r := range reqs {
		if _, err := e.Shape(r.Text, r.Style); err != nil {
			t.Fatal(err)
		}
	}
	// The helpers return themselves once out of paragraphs.
	waitHelpersIdle(t)
}

// waitHelpersIdle waits until no helper is out: an earlier test's helpers
// may still be shaping paragraphs nobody asked for.
func waitHelpersIdle(t *testing.T) {
	t.Helper()
	for i := 0; helpersBusy.Load() != 0; i++ {
		if i == 2000 {
			t.Fatalf("%d helpers still taken after two seconds", helpersBusy.Load())
		}
		time.Sleep(time.Millisecond)
	}
}

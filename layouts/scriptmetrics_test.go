package layouts

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestScriptMetricsKeyReachesTheTextStyle: script metrics are on for a
// style that may run to two lines unless it says `script_metrics: false`,
// off for a one-line style (max_lines: 1) unless it says true; and
// `no_orphan: true` reaches the text style.
func TestScriptMetricsKeyReachesTheTextStyle(t *testing.T) {
	src, err := os.ReadFile("builtin/poster.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const styles = "\nstyles:\n"
	if !strings.Contains(string(src), styles) {
		t.Fatalf("poster.yaml has no %q to add styles to", styles)
	}
	y := strings.Replace(string(src), styles, styles+
		"  t_multi: {size: [10, 12], no_orphan: true}\n"+
		"  t_one: {size: [10, 12], max_lines: 2}\n"+
		"  t_off: {size: [10, 12], script_metrics: false}\n"+
		"  t_on: {size: [10, 12], max_lines: 1, script_metrics: true}\n", 1)
	l, err := Parse("poster.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		style    string
		metrics  bool
		noOrphan bool
	}{
		{"t_multi", true, true}, // no key, several lines
		{"t_one", false, false}, // no key, max_lines: 2
		{"t_off", false, false}, // script_metrics: false
		{"t_on", true, false},   // true on a one-line style
	} {
		st := l.styles[c.style].Text(language.Khmer)
		if st.ScriptMetrics != c.metrics || st.NoOrphan != c.noOrphan {
			t.Errorf("style %s: script metrics %v, no orphan %v; want %v, %v", c.style, st.ScriptMetrics, st.NoOrphan, c.metrics, c.noOrphan)
		}
	}
}

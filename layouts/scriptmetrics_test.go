package layouts

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestScriptMetricsKeyReachesTheTextStyle: `script_metrics: true` in a
// layout's style turns on text.Style.ScriptMetrics for its paragraphs;
// left out, it is off.
func TestScriptMetricsKeyReachesTheTextStyle(t *testing.T) {
	src, err := os.ReadFile("builtin/poster.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The band's note, a style the built-in sets neither key in.
	const note = "\n  note: {"
	if !strings.Contains(string(src), note) {
		t.Fatalf("poster.yaml has no %q style to change", note)
	}
	on := strings.Replace(string(src), note, note+"script_metrics: true, no_orphan: true, ", 1)
	l, err := Parse("poster.yaml", []byte(on))
	if err != nil {
		t.Fatal(err)
	}
	if st := l.styles["note"].Text(language.Khmer); !st.ScriptMetrics || !st.NoOrphan {
		t.Error("script_metrics and no_orphan: true did not reach the text style")
	}
	if st := l.styles["headline"].Text(language.Khmer); st.ScriptMetrics || st.NoOrphan {
		t.Error("a style without script_metrics and no_orphan has them on")
	}
}

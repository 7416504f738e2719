package layouts

import (
	"strings"
	"testing"

	"handbill/content"
	"handbill/source"
)

// A line named in a right-to-left script prints its number without the
// letters that spell it: "(1-800-THE-LOST)" means nothing to a reader of
// Arabic, and PDFium and poppler, which reorder the line themselves, gave
// it back as "(LOST-THE1-800- (1-800-843-5678". A line named in a
// left-to-right script keeps them, in any document.
func TestLineListLeavesOutLettersAfterRTLName(t *testing.T) {
	h := content.Hotline{Name: source.Text{S: "المركز الوطني للأطفال المفقودين والمستغَلين"}, Display: "1-800-843-5678", Vanity: "1-800-THE-LOST"}
	if got := lineList([]content.Hotline{h}, true); strings.Contains(got, "THE-LOST") || !strings.Contains(got, "1-800-843-5678") {
		t.Errorf("Arabic name in an Arabic document: %q", got)
	}
	h.Name.S = "NCMEC"
	if got := lineList([]content.Hotline{h}, true); !strings.Contains(got, "1-800-843-5678 (1-800-THE-LOST)") {
		t.Errorf("Latin name in an Arabic document: %q", got)
	}
	if got := lineList([]content.Hotline{h}, false); got != "NCMEC 1-800-843-5678 (1-800-THE-LOST)" {
		t.Errorf("English document: %q", got)
	}
}

package layouts_test

import (
	"testing"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/frame"
	"handbill/layouts"
)

// TestAlt: a QR code's or image's alt: reaches its frame item (and so the
// PDF's Figure); with none, the QR code's item leaves it to render, which
// says where the code leads.
func TestAlt(t *testing.T) {
	set, _, e := builtins(t)
	d, err := set.Resolve(language.English, "community", "US")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ block, want string }{
		{`{type: qr, content: "https://{web}", alt: "Scan for the hotline's website", box: [0, 0, 30%, 30%]}`, "Scan for the hotline's website"},
		{`{type: qr, content: "https://{web}", box: [0, 0, 30%, 30%]}`, ""},
	} {
		l, err := layouts.Parse("l.yaml", []byte(miniLayout(c.block)))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := layouts.Compose(e, layouts.Targets(l)[0], []*content.Doc{d})
		if err != nil {
			t.Fatal(err)
		}
		var got *frame.QR
		for _, it := range doc.Pages[0].Items {
			if q, ok := it.(*frame.QR); ok {
				got = q
			}
		}
		if got == nil || got.Alt != c.want {
			t.Errorf("%s: QR %+v, want alt %q", c.block, got, c.want)
		}
	}
}

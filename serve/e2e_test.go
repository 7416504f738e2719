package serve

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"handbill/preview"
)

// chromium finds Debian's chromium. Under CI (HANDBILL_CI=1, set by
// .ci/run, which installs it) a missing browser fails the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("HANDBILL_CI") == "1" {
		t.Fatal("chromium is not installed: .ci/run installs Debian's chromium package")
	}
	t.Skip("chromium is not installed (apt-get install chromium); CI runs this test")
	return ""
}

// TestBrowser drives the app in a real browser (Debian's chromium,
// headless, through the DevTools protocol with chromedp): fill in the
// organisation, upload a logo, add Vietnamese, change the headline and
// see the preview change, see a fit error appear next to the headline and
// go away, download the ZIP with the button and check its PDFs with
// pdftotext and pdfimages. Screenshots of each screen are written to
// $HANDBILL_SCREENSHOTS (a temporary folder without it).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	exe := chromium(t)
	for _, tool := range []string{"pdftotext", "pdfimages"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("HANDBILL_CI") == "1" {
				t.Fatalf("%s is not installed", tool)
			}
			t.Skipf("%s is not installed (poppler-utils)", tool)
		}
	}
	shots := os.Getenv("HANDBILL_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	a := newApp(t, func(o *Options) { o.Raster = preview.Page }) // the real pages
	downloads := t.TempDir()
	logo := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(logo, pngOf(t, 900, 360), 0o644); err != nil {
		t.Fatal(err)
	}

	// The browser's profile: removed once the browser is gone, trying
	// again while its last child processes still write there.
	profile, err := os.MkdirTemp("", "handbill-e2e-profile-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 1100),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	// waitFor polls a JavaScript condition.
	// A poll cut short by the page navigating (the reload after loading a
	// project, the page a form's POST answers with) is tried again: the
	// browser says so as "navigated", or, when the poll had started in
	// the page being left, that its context is gone.
	waitFor := func(what, cond string) {
		t.Helper()
		var err error
		for range 5 {
			if _, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(60*time.Second))); err == nil || !leftPage(err) {
				break
			}
			time.Sleep(300 * time.Millisecond)
		}
		if err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`['status', 'alert', 'err-load'].map(id => id + ': ' + JSON.stringify(document.getElementById(id)?.textContent || '')).join('; ') + '; same page: ' + (window.__before || 'no') + '; files: ' + (document.getElementById('f-load')?.files?.length)`, chromedp.EvalAsValue))
			t.Fatalf("waiting for %s: %v\n(the page: %s)", what, err, page)
		}
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// previewSum is a checksum of the bytes of the preview of file.
	previewSum := func(file string) string {
		return eval(`(async () => {
  const img = [...document.querySelectorAll('#previews img')].find(i => i.dataset.file === ` + jsString(file) + `);
  if (!img) return "none";
  const b = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  let h = 2166136261;
  for (const x of b) { h = Math.imul(h ^ x, 16777619) >>> 0; }
  return String(h) + ":" + b.length;
})()`)
	}

	do("open the app", chromedp.Navigate(a.ts.URL+"/"))
	waitFor("the first preview", `document.querySelectorAll('#previews img').length === 1 && document.querySelector('#previews img').complete`)
	shot("1-start.png")
	// Accessible by construction: the page's language, a name for every
	// control (a label or aria-label), alternative text on every image,
	// the languages' names marked in their language, a skip link that
	// leads to the form, and nothing the keyboard cannot reach.
	if bad := eval(`(() => {
  const out = [];
  if (document.documentElement.lang !== "en") out.push("html lang");
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea, button")) {
    const named = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || (el.tagName === "BUTTON" && el.textContent.trim());
    if (!named) out.push("unnamed " + el.tagName + " " + (el.name || el.id));
    if (el.tabIndex < 0) out.push("unreachable " + (el.name || el.id));
  }
  for (const img of document.querySelectorAll("img")) if (!img.hasAttribute("alt")) out.push("img without alt " + img.src);
  for (const l of document.querySelectorAll("ul.langs label > span:first-child")) if (!l.lang) out.push("language name without lang " + l.textContent);
  if (!document.querySelector('a.skip[href="#main"]') || !document.getElementById("main")) out.push("skip link");
  if (!document.querySelector('[role=status][aria-live]') || !document.querySelector('[role=alert]')) out.push("live regions");
  return out.join("; ");
})()`); bad != "" {
		t.Errorf("accessibility: %s", bad)
	}
	// The first Tab reaches the skip link, and it shows.
	do("tab to the skip link", chromedp.KeyEvent("	"))
	if got := eval(`document.activeElement.className + ":" + getComputedStyle(document.activeElement).left`); !strings.HasPrefix(got, "skip:") || strings.HasPrefix(got, "skip:-") {
		t.Errorf("the first Tab focuses %q, not a visible skip link", got)
	}

	do("fill in the organisation",
		chromedp.SendKeys(chromedp.CSS(`input[name="organization.name"]`), "Riverside Family Clinic"),
		chromedp.SendKeys(chromedp.CSS(`input[name="organization.contact"]`), "Ask at the front desk"),
		chromedp.SetValue(chromedp.CSS(`input[name="organization.color"]`), "#1a6fb0"),
		chromedp.SendKeys(chromedp.CSS(`input[name="hotlines.0.name"]`), "Clinic nurse line"),
		chromedp.SendKeys(chromedp.CSS(`input[name="hotlines.0.digits"]`), "9515550142"),
		chromedp.SendKeys(chromedp.CSS(`input[name="hotlines.0.display"]`), "951-555-0142"),
	)
	waitFor("the organisation in the project", `fetch('/api/state').then(r => r.json()).then(s => s.version > 1)`)
	do("upload the logo", chromedp.SetUploadFiles(chromedp.CSS(`input[name="logo"]`), []string{logo}))
	waitFor("the logo", `document.getElementById('logo-now').textContent.includes('logo.png')`)

	do("add Vietnamese", chromedp.Click(chromedp.CSS(`input[name="languages"][value="vi"]`)))
	waitFor("the Vietnamese preview", `[...document.querySelectorAll('#previews img')].some(i => i.dataset.file === 'vi/poster-letter.pdf' && i.complete && i.naturalWidth > 0)`)
	waitFor("the Vietnamese headline field", `!document.querySelector('.headline[data-lang="vi"]').hidden`)
	before := previewSum("vi/poster-letter.pdf")
	shot("2-organisation-vi.png")

	long := "Hãy nhận biết các dấu hiệu của nạn buôn bán trẻ em vì mục đích tình dục và gọi ngay cho đường dây nóng hôm nay và mỗi ngày, dù bạn ở trường học, phòng khám hay bất cứ nơi nào khác trong cộng đồng của chúng ta"
	do("type a long headline", chromedp.SendKeys(chromedp.CSS(`input[name="messages.vi.headline"]`), long))
	waitFor("the fit error", `!!document.querySelector('[id="err-messages.vi.headline"] .item') && document.querySelector('[id="err-messages.vi.headline"]').textContent.includes('does not fit')`)
	if got := eval(`document.querySelector('input[name="messages.vi.headline"]').getAttribute('aria-invalid') || ''`); got != "true" {
		t.Errorf("the headline field is not marked invalid: %q", got)
	}
	if got := eval(`document.getElementById('alert').textContent`); !strings.Contains(got, "problem") {
		t.Errorf("the error was not announced: %q", got)
	}
	shot("3-fit-error.png")
	long2 := previewSum("vi/poster-letter.pdf")
	if long2 == before {
		t.Error("the Vietnamese preview did not change with its headline")
	}

	eval(`(() => { const i = document.querySelector('input[name="messages.vi.headline"]'); i.value = ""; return ""; })()`)
	do("shorten the headline", chromedp.SendKeys(chromedp.CSS(`input[name="messages.vi.headline"]`), "Hãy nhận biết các dấu hiệu"))
	waitFor("the fit error to go", `!document.querySelector('[id="err-messages.vi.headline"] .item') && document.getElementById('status').textContent.startsWith('Preview updated')`)
	after := previewSum("vi/poster-letter.pdf")
	if after == before || after == long2 {
		t.Error("the Vietnamese preview did not change with the short headline")
	}
	shot("4-fixed.png")

	// The ZIP, downloaded with the button as a person would.
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	do("download the ZIP", chromedp.Click(chromedp.CSS(`#download-zip`)))
	zipPath := filepath.Join(downloads, "handbill-project.zip")
	deadline := time.Now().Add(90 * time.Second)
	for {
		if _, err := os.Stat(zipPath); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the ZIP was not downloaded")
		}
		time.Sleep(200 * time.Millisecond)
	}
	checkZip(t, zipPath)

	// A ZIP that would write outside its folder is refused at the load
	// field, and the project stays as it was.
	evil := filepath.Join(t.TempDir(), "evil.zip")
	if err := os.WriteFile(evil, zipOf(t, map[string][]byte{"content.yaml": []byte("languages: [en]\n"), "../../evil.txt": []byte("x")}), 0o644); err != nil {
		t.Fatal(err)
	}
	eval(`(() => { window.__before = "yes"; return ""; })()`)
	do("load a bad ZIP", chromedp.SetUploadFiles(chromedp.CSS(`#f-load`), []string{evil}))
	waitFor("the load error", `document.getElementById('err-load').textContent.includes('points outside the project folder')`)
	if got := eval(`document.getElementById('alert').textContent`); !strings.Contains(got, "Not saved") || !strings.Contains(got, "points outside the project folder") {
		t.Errorf("the load error was not announced: %q", got)
	}
	shot("5-load-error.png")
	// The good ZIP loads back.
	do("load the downloaded ZIP", chromedp.SetUploadFiles(chromedp.CSS(`#f-load`), []string{zipPath}))
	waitFor("the reloaded page", `document.readyState === 'complete' && !!document.querySelector('input[name="organization.name"]') && document.querySelector('input[name="organization.name"]').value === 'Riverside Family Clinic' && !document.getElementById('err-load').textContent`)

	do("open the messages", chromedp.Navigate(a.ts.URL+"/messages?lang=vi"))
	waitFor("the messages table", `!!document.querySelector('textarea[name="m:headline"]')`)
	shot("6-messages-vi.png")
	// Save a change with the page's own form (a real browser's POST, with
	// its Origin and the CSRF field).
	eval(`(() => { document.querySelector('textarea[name="m:headline"]').value = "Nhận biết các dấu hiệu"; return ""; })()`)
	do("save a message", chromedp.SendKeys(chromedp.CSS(`#f-reviewer`), "Lan Nguyen, health worker"),
		chromedp.Click(chromedp.CSS(`button[name="review"][value="changed"]`)))
	waitFor("the saved message", `!!document.querySelector('.saved') && document.querySelector('textarea[name="m:headline"]').value === "Nhận biết các dấu hiệu"`)
	if got := eval(`document.querySelector('textarea[name="m:headline"]').closest('tr').textContent`); !strings.Contains(got, "checked") {
		t.Errorf("the saved headline is not marked checked: %q", got)
	}
	do("open the Arabic messages", chromedp.Navigate(a.ts.URL+"/messages?lang=ar"))
	waitFor("the Arabic messages", `document.querySelector('textarea[name="m:headline"]').dir === 'rtl' && document.querySelector('textarea[name="m:headline"]').lang === 'ar'`)
	shot("7-messages-ar.png")
	t.Logf("screenshots in %s", shots)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// checkZip unpacks the downloaded project and reads its PDFs back: the
// hotline and the organisation's line in the text, the logo an image.
func checkZip(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dir := t.TempDir()
	have := map[string]bool{}
	for _, f := range zr.File {
		have[f.Name] = true
		rc, _ := f.Open()
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		out, _ := os.Create(p)
		if _, err := out.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		out.Close()
		rc.Close()
	}
	for _, want := range []string{"content.yaml", "logo.png", "out/manifest.json", "out/en/poster-letter.pdf", "out/vi/poster-letter.pdf"} {
		if !have[want] {
			t.Errorf("the ZIP has no %s", want)
		}
	}
	for _, pdf := range []string{"out/en/poster-letter.pdf", "out/vi/poster-letter.pdf"} {
		txt, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, pdf), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		for _, want := range []string{"1-888-373-7888", "951-555-0142", "Riverside Family Clinic"} {
			if !strings.Contains(string(txt), want) {
				t.Errorf("%s: no %q in its text:\n%s", pdf, want, txt)
			}
		}
		if strings.HasPrefix(pdf, "out/vi") && !strings.Contains(strings.Join(strings.Fields(string(txt)), " "), "Hãy nhận biết các dấu hiệu") {
			t.Errorf("%s: the Vietnamese headline is not in its text", pdf)
		}
		imgs, err := exec.Command("pdfimages", "-list", filepath.Join(dir, pdf)).Output()
		if err != nil {
			t.Fatal(err)
		}
		// The header and its rule, then one line per image: the logo,
		// 900×360.
		if !strings.Contains(string(imgs), " 900   360 ") {
			t.Errorf("%s: the logo is not embedded:\n%s", pdf, imgs)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content.yaml"))
	if !strings.Contains(string(data), "logo: logo.png") || !strings.Contains(string(data), "Riverside Family Clinic") {
		t.Errorf("content.yaml:\n%s", data)
	}
}

// leftPage reports whether a DevTools error says the page a script ran in
// was left (navigated away from, its execution context destroyed) while
// it ran: the script is to be run again in the new page.
func leftPage(err error) bool {
	m := err.Error()
	return strings.Contains(m, "navigated") || strings.Contains(m, "Cannot find context with specified id") ||
		strings.Contains(m, "Execution context was destroyed")
}

// TestLeftPage: the DevTools errors a navigation gives a running script
// are told apart from a script's own failure.
func TestLeftPage(t *testing.T) {
	for msg, want := range map[string]bool{
		"page navigated": true,
		"Cannot find context with specified id (-32000)":    true,
		"Execution context was destroyed, most likely nav…": true,
		"context deadline exceeded":                         false,
		"ReferenceError: x is not defined":                  false,
	} {
		if got := leftPage(errors.New(msg)); got != want {
			t.Errorf("leftPage(%q) = %v, want %v", msg, got, want)
		}
	}
}

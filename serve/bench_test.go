package serve

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"handbill/preview"
)

// BenchmarkPreviewAfterEdit drives the app over a real loopback listener
// as the page's script does: after an edit of the headline (POST
// /api/project), the updated poster preview is fetched (GET
// /api/preview.png); each iteration is that round trip, and p95-ms is its
// 95th percentile, per script.
//
//	go test ./serve -run '^$' -bench PreviewAfterEdit -benchtime 40x
func BenchmarkPreviewAfterEdit(b *testing.B) {
	for _, lang := range []string{"en", "es", "vi", "ru", "ar", "fa", "ur", "hi", "pa", "hy", "th", "km", "am", "zh-Hans", "zh-Hant", "ja", "ko"} {
		b.Run(lang, func(b *testing.B) {
			a := newApp(b, func(o *Options) { o.Raster = preview.Page })
			res, err := a.c.Get(a.ts.URL + "/")
			if err != nil {
				b.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			a.csrf = csrfRE.FindStringSubmatch(string(body))[1]
			f := baseForm()
			f.Set("languages", lang)
			post := func(v url.Values) string {
				req, _ := http.NewRequest("POST", a.ts.URL+"/api/project", strings.NewReader(v.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set(csrfHeader, a.csrf)
				res, err := a.c.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				data, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					b.Fatalf("%s: %s", res.Status, data)
				}
				i := strings.Index(string(data), `"url":"`)
				if i < 0 {
					b.Fatalf("no preview: %s", data)
				}
				u := string(data[i+7:])
				u = u[:strings.Index(u, `"`)]
				return strings.ReplaceAll(u, `\u0026`, "&")
			}
			get := func(u string) {
				res, err := a.c.Get(a.ts.URL + u)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 || n < 1000 {
					b.Fatalf("preview: %s, %d bytes", res.Status, n)
				}
			}
			for range 5 {
				get(post(f)) // fonts loaded, caches warm
			}
			var times []time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				f.Set("organization.name", "Riverside Family Clinic "+string(rune('A'+i%26)))
				start := time.Now()
				get(post(f))
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(times)
			if len(times) > 0 {
				p95 := times[min(len(times)-1, (len(times)*95+99)/100-1)]
				b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
			}
		})
	}
}

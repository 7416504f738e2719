package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"handbill/build"
	"handbill/fonts"
)

// writeProgramme writes a batch file of n clinics into dir, each with its
// own content file (name and contact), the US letter poster in langs.
func writeProgramme(tb testing.TB, dir string, n int, langs string) string {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "clinics"), 0o755); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "defaults:\n  layouts: [poster-letter]\n  langs: [%s]\n  region: US\njobs:\n", langs)
	for i := range n {
		fmt.Fprintf(&b, "  - name: clinic%05d\n    content: clinics/c%05d.yaml\n", i, i)
		org := fmt.Sprintf("organization:\n  name: Clinic %d\n  contact: Front desk, room %d\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, "clinics", fmt.Sprintf("c%05d.yaml", i)), []byte(org), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	file := filepath.Join(dir, "programme.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// heapBytes is the memory the heap's live and not yet collected objects
// take now.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkBatchJobs builds batches of 10, 100, 1,000 and 3,000 jobs (one
// clinic each: its own content file, the US letter poster in English)
// through LoadBatch, Plan and Run as `handbill build --batch` does, one
// worker per CPU, and reports milliseconds per PDF and the peak heap (live
// and uncollected objects, sampled every 10 documents). Per-PDF cost that
// grows with the batch shows as ms/PDF growing down the sizes. The 3,000
// case takes a while: -bench 'BatchJobs/jobs=(10|100)$' for a quick look.
func BenchmarkBatchJobs(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 3000} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			file := writeProgramme(b, b.TempDir(), n, "en")
			pdfs, peak := 0, uint64(0)
			for b.Loop() {
				bf, err := build.LoadBatch(file)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				jobs := bf.Plan(build.Request{Fonts: fonts.Builtin()}, b.TempDir())
				outs := build.Run(context.Background(), jobs, build.Options{Write: true, Workers: runtime.NumCPU(),
					Progress: func(p build.Progress) {
						if p.Done%10 == 0 {
							peak = max(peak, heapBytes())
						}
					}})
				for _, o := range outs {
					if o.Failed() {
						b.Fatalf("job %s failed: %v", o.Job, o.Diagnostics())
					}
					pdfs += len(o.Results)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(pdfs), "ms/PDF")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

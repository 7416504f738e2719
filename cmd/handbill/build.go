package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"handbill/content"
	"handbill/layouts"
	"handbill/output"
)

type buildOptions struct {
	global   *globalOptions
	out      string
	layouts  []string
	langs    string
	region   string
	audience string
	content  string
	force    bool
	jobs     int
	reviewed bool
	batch    string
	preset   string
	third    string
	printFlags
}

func newCmdBuild(g *globalOptions, runF func(*buildOptions) error) *cobra.Command {
	opts := &buildOptions{global: g}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build posters, flyers, handouts, wallet cards and stickers",
		Long: `Build every product in the chosen languages into the output folder,
with a manifest.json listing each file.

With no flags, every built-in product is built in the content's default
languages (English and Spanish) for the US hotlines.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return buildRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "out", "write into `DIR`")
	addSelectionFlags(f, opts)
	f.BoolVar(&opts.force, "force", false, "replace files in the output folder even if handbill did not write them")
	f.IntVar(&opts.jobs, "jobs", 0, "documents built at once (default: one per CPU)")
	f.StringVar(&opts.batch, "batch", "", "build every job of a programme `FILE` (YAML), each into its own folder under --out")
	addPrintFlags(f, &opts.printFlags)
	return cmd
}

// addSelectionFlags adds the flags that say what to build, shared by
// build and check.
func addSelectionFlags(f *pflag.FlagSet, opts *buildOptions) {
	f.StringArrayVar(&opts.layouts, "layout", nil, "build only this layout or output (`NAME` from 'handbill list layouts', or a layout .yaml file); repeatable")
	f.StringVar(&opts.langs, "lang", "", "languages as comma-separated BCP 47 `TAGS`, or all (default: the content's languages)")
	f.StringVar(&opts.region, "region", "", "whose hotlines to print: `CODE` such as US, US-CA, CA, GB (default: the content's region)")
	f.StringVar(&opts.audience, "audience", "", "who it speaks to: community, parents, educators, clinicians or youth")
	f.StringVar(&opts.content, "content", "", "your content `FILE` (YAML); anything it leaves out comes from the built-ins")
	f.BoolVar(&opts.reviewed, "require-reviewed", false, "refuse machine-drafted translations not yet reviewed")
	f.StringVar(&opts.preset, "preset", "", "meet a US state posting law: `NAME` from 'handbill list presets' (sets the outputs, languages and region it needs)")
	f.StringVar(&opts.third, "third-language", "", "the county's third language (BCP 47 `TAG`) for presets that require one")
}

// options turns the flags into build options, checking names first: a
// wrong region, audience or language is one mistake, not one per document.
func (opts *buildOptions) options() (output.BuildOptions, error) {
	if opts.preset != "" {
		return opts.presetOptions()
	}
	reg, err := opts.global.registry()
	if err != nil {
		return output.BuildOptions{}, err
	}
	// Languages named on the command line are known before the content
	// is read: their fonts load meanwhile, on another core.
	if tags, err := parseLangs(opts.langs, nil); err == nil {
		reg.Prefetch(tags...)
	}
	set, err := content.Load(opts.content)
	if err != nil {
		return output.BuildOptions{}, err
	}
	langs, err := parseLangs(opts.langs, set)
	if err != nil {
		return output.BuildOptions{}, err
	}
	reg.Prefetch(langs...)
	ls, only, err := selectLayouts(opts.layouts)
	if err != nil {
		return output.BuildOptions{}, err
	}
	region := opts.region
	if region == "" {
		region = set.DefaultRegion()
	}
	audience := opts.audience
	if audience == "" {
		audience = set.DefaultAudience()
	}
	for _, lang := range langs {
		if _, err := set.Resolve(lang, audience, region); err != nil {
			return output.BuildOptions{}, err
		}
	}
	return output.BuildOptions{
		Content: set, Layouts: ls, Langs: langs, Region: region, Audience: audience,
		Fonts: reg, OutDir: opts.out, Force: opts.force, Workers: opts.jobs, Only: only, RequireReviewed: opts.reviewed,
		Press: opts.press, Timestamp: opts.timestamp, Calibration: opts.calibration, OutputIntent: opts.outputIntent,
	}, nil
}

func buildRun(cmd *cobra.Command, opts *buildOptions) error {
	if opts.batch != "" {
		return batchRun(cmd, opts, opts.batch)
	}
	start := time.Now()
	bo, err := opts.options()
	if err != nil {
		return err
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	tty := isTerminal(stderr)
	bo.Progress = func(done, total int, r output.Result) {
		if tty {
			fmt.Fprintf(stderr, "\r\033[K")
		}
		if r.Err == nil {
			warn := ""
			if n := len(r.Warnings); n > 0 {
				warn = fmt.Sprintf(", %d warning%s", n, plural(n))
			}
			fmt.Fprintf(stdout, "wrote %s (%s, %d page%s, %d KB%s)\n", filepath.Join(opts.out, r.File), r.PageSize, r.Pages, plural(r.Pages), (r.Bytes+1023)/1024, warn)
		} else {
			printError(stderr, r.Err)
		}
		if tty && done < total {
			fmt.Fprintf(stderr, "[%d/%d] building…", done, total)
		}
	}
	// On Ctrl-C, finish the documents under way, write the manifest of
	// what finished, and leave no partial file.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bo.Stop = ctx.Done()
	m, err := output.Build(bo)
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "handbill: interrupted: %s lists what was built\n", filepath.Join(opts.out, "manifest.json"))
		return reported{ctx.Err()}
	}
	if m == nil {
		return err
	}
	for _, n := range m.Notes {
		fmt.Fprintf(stderr, "handbill: note: %s\n", n)
	}
	ok, failed, warnings := 0, 0, 0
	for _, r := range m.Files {
		if r.Err != nil {
			failed++
		} else {
			ok++
		}
		warnings += len(r.Warnings)
	}
	summary := fmt.Sprintf("built %d file%s in %s into %s", ok, plural(ok), time.Since(start).Round(10*time.Millisecond), opts.out)
	if warnings > 0 {
		summary += fmt.Sprintf("; %d warning%s (see %s)", warnings, plural(warnings), filepath.Join(opts.out, "manifest.json"))
	}
	if failed > 0 {
		summary += fmt.Sprintf("; %d failed", failed)
	}
	fmt.Fprintln(stdout, summary)
	if err != nil {
		return reported{err}
	}
	return nil
}

// reported is an error already printed, document by document.
type reported struct{ error }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseLangs reads --lang: comma-separated tags, "all", or the default.
// Without a content set, only a list of tags is read ("" and "all" give
// none).
func parseLangs(s string, set *content.Set) ([]language.Tag, error) {
	switch strings.TrimSpace(s) {
	case "", "all":
		if set == nil {
			return nil, nil
		}
	}
	switch strings.TrimSpace(s) {
	case "":
		return set.DefaultLanguages(), nil
	case "all":
		// The default languages first: the multi-language poster pairs the
		// first two (English and Spanish) with each of the others.
		out := set.DefaultLanguages()
		for _, l := range set.Languages() {
			if !slices.Contains(out, l.Tag) {
				out = append(out, l.Tag)
			}
		}
		return out, nil
	}
	var out []language.Tag
	for _, part := range strings.Split(s, ",") {
		tag, err := language.Parse(strings.TrimSpace(part))
		if err != nil {
			return nil, &usageError{fmt.Sprintf("--lang: %q is not a BCP 47 language tag", part), "use tags such as en,es,vi or all; 'handbill list languages' shows what is built in"}
		}
		out = append(out, tag)
	}
	return out, nil
}

// selectLayouts reads --layout: built-in layout names, output names (one
// size or mode of a layout) or layout files. With none, every built-in.
func selectLayouts(names []string) ([]*layouts.Layout, map[string]bool, error) {
	builtin, err := layouts.Builtin()
	if err != nil {
		return nil, nil, err
	}
	if len(names) == 0 {
		return sortedLayouts(builtin), nil, nil
	}
	var out []*layouts.Layout
	only := map[string]bool{}
	seen := map[string]bool{}
	add := func(l *layouts.Layout) {
		if !seen[l.Name] {
			seen[l.Name] = true
			out = append(out, l)
		}
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") {
			l, err := layouts.LoadFile(n)
			if err != nil {
				return nil, nil, err
			}
			add(l)
			continue
		}
		if l, ok := builtin[n]; ok {
			add(l)
			for _, t := range layouts.Targets(l) {
				only[t.Name()] = true
			}
			continue
		}
		found := false
		var all []string
		for _, l := range sortedLayouts(builtin) {
			all = append(all, l.Name)
			for _, t := range layouts.Targets(l) {
				all = append(all, t.Name())
				if t.Name() == n {
					add(l)
					only[n] = true
					found = true
				}
			}
		}
		if !found {
			return nil, nil, &usageError{fmt.Sprintf("--layout: no layout or output named %q", n),
				fmt.Sprintf("did you mean %q? 'handbill list layouts' shows them all", content.Suggest(n, all))}
		}
	}
	// User layout files build every output they define.
	for _, l := range out {
		if _, isBuiltin := builtin[l.Name]; !isBuiltin || builtin[l.Name] != l {
			for _, t := range layouts.Targets(l) {
				only[t.Name()] = true
			}
		}
	}
	return out, only, nil
}

func sortedLayouts(m map[string]*layouts.Layout) []*layouts.Layout {
	var out []*layouts.Layout
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// presetOptions builds what a compliance preset asks for: its outputs,
// languages and region, unless the flags name others.
func (opts *buildOptions) presetOptions() (output.BuildOptions, error) {
	p, err := layouts.LookupPreset(opts.preset)
	if err != nil {
		return output.BuildOptions{}, err
	}
	o := *opts
	o.preset = ""
	if len(o.layouts) == 0 {
		o.layouts = p.Targets()
	}
	if o.langs == "" {
		tags, err := p.Languages(o.third)
		if err != nil {
			return output.BuildOptions{}, err
		}
		var s []string
		for _, t := range tags {
			s = append(s, t.String())
		}
		o.langs = strings.Join(s, ",")
	}
	if o.region == "" {
		o.region = p.Region()
	}
	bo, err := o.options()
	bo.Preset, bo.ThirdLanguage = p, opts.third
	return bo, err
}

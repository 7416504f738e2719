package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"handbill/content"
	"handbill/render"
	"handbill/source"
	"handbill/text"
	"handbill/translate"
)

// newCmdTranslate is `handbill translate`: the review loop for
// translators (export, import, status, check).
func newCmdTranslate(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "translate",
		Short: "Export messages for translators (PO files), import their review, show review status",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newCmdTranslateExport(g), newCmdTranslateImport(), newCmdTranslateStatus(), newCmdTranslateCheck(g), newCmdTranslateSheet(g))
	return cmd
}

type translateExportOptions struct {
	lang, audience, content, out string
	noRoom                       bool
}

func newCmdTranslateExport(g *globalOptions) *cobra.Command {
	o := &translateExportOptions{}
	cmd := &cobra.Command{
		Use:   "export --lang TAG",
		Short: "Write a language's messages as a gettext PO file",
		Long: `Write a language's messages as a gettext PO file (for Poedit, Weblate,
Lokalize): per message the English source, the current text, where it is
printed and how much room it has there (the longest text that fits at
the smallest type size, measured by laying the product out), and the fuzzy flag on machine drafts and on reviewed texts whose
English changed since the review.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tag, set, err := loadForLang(o.lang, o.content)
			if err != nil {
				return err
			}
			eo := translate.ExportOptions{Lang: tag, Audience: o.audience, Date: time.Now().UTC().Format("2006-01-02 15:04+0000")}
			if !o.noRoom {
				if eo.Fonts, err = g.registry(); err != nil {
					return err
				}
			}
			f, err := translate.Export(set, eo)
			if err != nil {
				return err
			}
			if o.out == "" || o.out == "-" {
				_, err = cmd.OutOrStdout().Write(f.Bytes())
				return err
			}
			return source.WriteAtomic(o.out, f.Bytes())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.lang, "lang", "", "the language to export (`TAG`, e.g. vi)")
	fl.StringVar(&o.audience, "audience", "", "export one audience's messages (`NAME`: parents, educators, clinicians, youth)")
	fl.StringVar(&o.content, "content", "", "your content `FILE`: its text in the language is the current text")
	fl.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of standard output")
	fl.BoolVar(&o.noRoom, "no-room", false, "leave out how much room each message has on each product (measuring it takes a second or two)")
	return cmd
}

func loadForLang(lang, file string) (language.Tag, *content.Set, error) {
	if lang == "" {
		return language.Und, nil, usage("name the language: --lang vi", "--lang is required")
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return language.Und, nil, usage("use a BCP 47 tag, such as vi or zh-Hant", "--lang: %q is not a language tag", lang)
	}
	set, err := content.Load(file)
	if err != nil {
		return language.Und, nil, err
	}
	t, err := set.Lookup(tag)
	if err != nil {
		return language.Und, nil, err
	}
	if t == language.English {
		return language.Und, nil, usage("English is the source the others are translated from: export another language", "--lang en: nothing to translate")
	}
	return t, set, nil
}

type translateImportOptions struct {
	into, reviewer, lang, date, status string
}

func newCmdTranslateImport() *cobra.Command {
	o := &translateImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.po --into CONTENT.yaml --reviewer NAME",
		Short: "Merge a reviewed PO file into your content file, with its provenance",
		Long: `Merge the reviewed (not fuzzy) translations of a PO file into your content
file, keeping its comments and order, and record who reviewed the
language, when, and the English each message was reviewed against. The
file is written only if the whole import is valid.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.into == "" {
				return usage("name your content file: --into my-content.yaml (it is created if it does not exist)", "--into is required")
			}
			if strings.TrimSpace(o.reviewer) == "" {
				return usage(`say who reviewed the translation: --reviewer "Lan Nguyen, community health worker"`, "--reviewer is required")
			}
			if o.status != "community-reviewed" && o.status != "professional" {
				return usage("a review is community-reviewed (by native speakers in your community) or professional (by a professional translator)", "--status %q is not a review status", o.status)
			}
			data, err := source.ReadFile(args[0], source.MaxFileSize)
			if err != nil {
				return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: args[0]}, Message: "cannot read the PO file: " + err.Error(), Hint: "check the path"}
			}
			existing, err := os.ReadFile(o.into)
			if errors.Is(err, fs.ErrNotExist) {
				existing = nil
			} else if err != nil {
				return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: o.into}, Message: "cannot read the content file: " + err.Error(), Hint: "check the path given to --into"}
			} else if existing == nil {
				existing = []byte{}
			}
			tag := language.Und
			if o.lang != "" {
				if tag, err = language.Parse(o.lang); err != nil {
					return usage("use a BCP 47 tag, such as vi", "--lang: %q is not a language tag", o.lang)
				}
			}
			date := o.date
			if date == "" {
				date = time.Now().UTC().Format(time.DateOnly)
			}
			res, err := translate.Import(translate.ImportOptions{PO: args[0], Data: data, Into: o.into, Existing: existing, Lang: tag,
				Reviewer: strings.TrimSpace(o.reviewer), Date: date, Status: o.status})
			if err != nil {
				return err
			}
			if err := source.WriteAtomic(o.into, res.Data); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			for _, c := range res.Changes {
				if c.Approved {
					fmt.Fprintf(w, "reviewed %s %s (unchanged)\n", res.Lang, c.Context)
				} else {
					fmt.Fprintf(w, "changed  %s %s: %q → %q\n", res.Lang, c.Context, c.Old, c.New)
				}
			}
			for _, k := range res.Partial {
				fmt.Fprintf(w, "not imported: %s %s, a list, is reviewed whole: some of its items are still fuzzy or untranslated\n", res.Lang, k)
			}
			fmt.Fprintf(w, "imported %d messages into %s (%s, reviewed by %s on %s)\n", len(res.Changes), filepath.ToSlash(o.into), res.Lang, strings.TrimSpace(o.reviewer), date)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.into, "into", "", "your content `FILE` to merge into (created if absent)")
	fl.StringVar(&o.reviewer, "reviewer", "", "who reviewed the translation (`NAME`, or a role and organisation)")
	fl.StringVar(&o.lang, "lang", "", "the language the file must be in (`TAG`; default: its Language header)")
	fl.StringVar(&o.date, "date", "", "the day of the review (`YYYY-MM-DD`; default today)")
	fl.StringVar(&o.status, "status", "community-reviewed", "`STATUS` to record: community-reviewed or professional")
	return cmd
}

type translateStatusOptions struct {
	content, lang, audience string
}

func newCmdTranslateStatus() *cobra.Command {
	o := &translateStatusOptions{}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "List per language how many messages are reviewed, machine drafts, stale or missing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := content.Load(o.content)
			if err != nil {
				return err
			}
			var tags []language.Tag
			if o.lang != "" {
				for _, l := range strings.Split(o.lang, ",") {
					tag, _, err := loadForLang(l, o.content)
					if err != nil {
						return err
					}
					tags = append(tags, tag)
				}
			} else {
				for _, l := range set.Languages() {
					if l.Tag != language.English {
						tags = append(tags, l.Tag)
					}
				}
			}
			rows, err := translate.Status(set, tags, o.audience)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%-8s %8s %8s %8s %6s %8s  %s\n", "language", "messages", "reviewed", "draft", "stale", "missing", "reviewer, date")
			for _, r := range rows {
				who := "-"
				if r.Reviewer != "" {
					who = r.Reviewer + ", " + r.Date
				}
				fmt.Fprintf(w, "%-8s %8d %8d %8d %6d %8d  %s\n", r.Lang, r.Messages, r.Reviewed, r.Draft, r.Stale, r.Missing, who)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.content, "content", "", "your content `FILE`")
	fl.StringVar(&o.lang, "lang", "", "languages to list (`TAGS`, comma-separated; default all)")
	fl.StringVar(&o.audience, "audience", "", "one audience's messages (`NAME`)")
	return cmd
}

type translateCheckOptions struct {
	content, region string
	layouts         []string
}

func newCmdTranslateCheck(g *globalOptions) *cobra.Command {
	o := &translateCheckOptions{}
	cmd := &cobra.Command{
		Use:   "check FILE.po",
		Short: "Check that a PO file's translations fit every product, before import",
		Long: `Run the import's checks and every fit check build runs on the translations
of a PO file (fuzzy ones too), in place of the current text, on every
product (or --layout): each text that does not fit is reported at its
line in the PO file, with the product and how far it overflows. Nothing
is written.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := source.ReadFile(args[0], source.MaxFileSize)
			if err != nil {
				return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: args[0]}, Message: "cannot read the PO file: " + err.Error(), Hint: "check the path"}
			}
			var existing []byte
			if o.content != "" {
				if existing, err = source.ReadFile(o.content, source.MaxFileSize); err != nil {
					return &source.Diagnostic{Severity: source.Error, Pos: source.Pos{File: o.content}, Message: "cannot read the content file: " + err.Error(), Hint: "check the path given to --content"}
				}
			}
			reg, err := g.registry()
			if err != nil {
				return err
			}
			ctx, stop := interruptible(cmd)
			defer stop()
			ds, err := translate.Check(ctx, translate.CheckOptions{PO: args[0], Data: data, Content: o.content, Existing: existing, Layouts: o.layouts, Region: o.region, Fonts: reg})
			if err != nil {
				return err
			}
			newPrinter(cmd.ErrOrStderr()).print(ds...)
			if len(ds) == 1 {
				fmt.Fprintln(cmd.OutOrStdout(), "1 text does not fit")
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "%d texts do not fit\n", len(ds))
			}
			if len(ds) > 0 {
				return reported{fmt.Errorf("translate check failed")}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.content, "content", "", "your content `FILE`")
	fl.StringArrayVar(&o.layouts, "layout", nil, "check only this layout or output (`NAME`, repeatable; default every built-in product)")
	fl.StringVar(&o.region, "region", "", "whose hotlines to print (`CODE`)")
	return cmd
}

type translateSheetOptions struct {
	lang, audience, content, out string
}

func newCmdTranslateSheet(g *globalOptions) *cobra.Command {
	o := &translateSheetOptions{}
	cmd := &cobra.Command{
		Use:   "sheet --lang TAG -o FILE.pdf",
		Short: "Write a review sheet (PDF) for reviewers who would rather use a pen",
		Long: `Write a PDF with, per numbered message, its name, the products that print
it, the English, the current translation and ruled lines to write a
correction on. The numbers follow the PO file's order.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				return usage("name the PDF to write: -o vi-review.pdf", "-o is required")
			}
			tag, set, err := loadForLang(o.lang, o.content)
			if err != nil {
				return err
			}
			reg, err := g.registry()
			if err != nil {
				return err
			}
			doc, err := translate.Sheet(text.NewEngine(reg), set, tag, o.audience)
			if err != nil {
				return err
			}
			if err := render.WriteFile(o.out, doc); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d page%s)\n", o.out, len(doc.Pages), plural(len(doc.Pages)))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.lang, "lang", "", "the language to review (`TAG`, e.g. vi)")
	fl.StringVar(&o.audience, "audience", "", "one audience's messages (`NAME`)")
	fl.StringVar(&o.content, "content", "", "your content `FILE`")
	fl.StringVarP(&o.out, "output", "o", "", "the PDF `FILE` to write")
	return cmd
}

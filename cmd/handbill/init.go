package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"handbill/layouts"
	"handbill/source"
)

//go:embed starter
var starter embed.FS

func newCmdInit() *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Write an editable starter project: a content file, a layout and a README",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return initRun(cmd, args[0])
		},
	}
}

func initRun(cmd *cobra.Command, dir string) error {
	files := map[string][]byte{}
	for _, name := range []string{"content.yaml", "README.md"} {
		b, err := fs.ReadFile(starter, "starter/"+name)
		if err != nil {
			return err
		}
		files[name] = b
	}
	poster, err := layouts.BuiltinSource("poster")
	if err != nil {
		return err
	}
	poster = []byte(strings.Replace(string(poster), "\nname: poster\n", "\nname: my-poster\n", 1))
	files[filepath.Join("layouts", "my-poster.yaml")] = poster
	// Never overwrite: check every file first, then write.
	for name := range files {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return usage("choose an empty or new folder for init", "%s", fmt.Sprintf("%s already exists", p))
		} else if !errors.Is(err, fs.ErrNotExist) {
			if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
				return source.Errorf(source.Pos{File: dir}, "give the name of a new or empty folder: init writes several files into it",
					"cannot make a starter project here: it is a file, not a folder")
			}
			return source.Errorf(source.Pos{File: p}, "check the folder's permissions, or choose another folder", "cannot make a starter project here: %v", errors.Unwrap(err))
		}
	}
	for _, name := range []string{"content.yaml", "README.md", filepath.Join("layouts", "my-poster.yaml")} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", p)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "next: cd %s && handbill build --content content.yaml --layout layouts/my-poster.yaml\n", dir)
	return nil
}

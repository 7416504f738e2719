package source

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// rename moves the finished temporary file over the target. It is
// os.Rename; tests replace it to make the replacement fail.
var rename = os.Rename

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename, so a failure never leaves a partial file and a
// reader never sees one. Every error it returns is a *Diagnostic naming
// path; when it fails, the temporary file is removed and whatever was at
// path is as it was.
//
// On Windows a file that another program holds open — a PDF shown in
// Acrobat Reader or Edge — cannot be replaced: the error says so and asks
// for the file to be closed.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	// The folder is made when the file cannot be created in it: a batch
	// writes thousands of files into folders that exist, and asking to
	// make each one again was a system call per file.
	tmp, err := os.CreateTemp(dir, ".handbill-*.pdf.tmp")
	if err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return writeError(path, err)
		}
		if tmp, err = os.CreateTemp(dir, ".handbill-*.pdf.tmp"); err != nil {
			return writeError(path, err)
		}
	}
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return writeError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return writeError(path, err)
	}
	if err := rename(tmp.Name(), path); err != nil {
		return replaceError(path, err)
	}
	renamed = true
	return nil
}

// writeError is a failure to write the new file (before anything at path
// is touched).
func writeError(path string, err error) *Diagnostic {
	return Errorf(Pos{File: path}, "check that the output folder exists and can be written to, and that the disk is not full",
		"cannot write the file: %v", err)
}

// replaceError is a failure to put the new file in place of the old: the
// old one is still there, unchanged.
func replaceError(path string, err error) *Diagnostic {
	cause := err
	var le *os.LinkError
	if errors.As(err, &le) {
		cause = le.Err
	}
	const kept = "nothing was lost: the file is as it was"
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return Errorf(Pos{File: path}, "move the folder away or choose another output folder; "+kept,
			"cannot replace a folder with the file")
	}
	if heldOpen(cause) {
		viewer := "the program that has it open"
		if strings.EqualFold(filepath.Ext(path), ".pdf") {
			viewer = "your PDF viewer (Acrobat Reader, Edge, a browser tab…)"
		}
		return Errorf(Pos{File: path}, "close it in "+viewer+" and build again; "+kept+" (if nothing has it open, check that it is not read-only)",
			"cannot replace the file: another program has it open")
	}
	return Errorf(Pos{File: path}, "check that the output folder can be written to; "+kept,
		"cannot replace the file: %v", cause)
}

// heldOpen reports whether err, from a rename, means another program
// holds the target open (heldOpenErrors is set per system).
func heldOpen(err error) bool {
	return slices.ContainsFunc(heldOpenErrors, func(e error) bool { return errors.Is(err, e) })
}

package build

import (
	"os"
	"path/filepath"

	"handbill/source"
)

// lockName is the lock file handbill keeps in an output folder while it
// writes there.
const lockName = ".handbill.lock"

// folder is an output folder held for writing: while it is held, no other
// handbill writes PDFs or the manifest there, so the manifest read at the
// start is still the folder's when the new one is merged into it.
type folder struct {
	dir  string
	lock *os.File
}

// openFolder creates dir if need be and locks it. When another handbill
// holds it, waiting says so (once) and openFolder waits for it to finish.
func openFolder(dir string, waiting func(dir string)) (*folder, *source.Diagnostic) {
	fail := func(err error) *source.Diagnostic {
		return source.Errorf(source.Pos{File: dir}, "check that the output folder can be created and written to, or choose another with --out", "cannot use the output folder: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fail(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fail(err)
	}
	ok, err := tryLockFile(f)
	if err == nil && !ok {
		if waiting != nil {
			waiting(dir)
		}
		err = lockFile(f)
	}
	if err != nil {
		f.Close()
		return nil, fail(err)
	}
	return &folder{dir: dir, lock: f}, nil
}

// close releases the folder. The lock file stays: removing it would let a
// third build lock a new file while a second still waits on the old one.
func (f *folder) close() {
	if f != nil && f.lock != nil {
		f.lock.Close()
	}
}

// removeStale removes the file a failed document would have replaced,
// when the previous manifest records handbill writing it and it is
// unchanged since: an old poster left beside the new ones could be
// printed by mistake, and the next good build writes it afresh. It
// returns the path removed, or "".
func removeStale(dir, rel string, prev *Manifest) string {
	path := filepath.Join(dir, rel)
	if !prev.wrote(rel, path) {
		return ""
	}
	if os.Remove(path) != nil {
		return ""
	}
	return path
}

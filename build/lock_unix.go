//go:build unix

package build

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on f, waiting for it; tryLockFile
// takes it only if it is free. The lock goes with the process: a build
// that crashes does not leave the folder locked.
func lockFile(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_EX) }

func tryLockFile(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == syscall.EWOULDBLOCK {
		return false, nil
	}
	return err == nil, err
}

//go:build !windows

package source

import "syscall"

// heldOpenErrors are the errors of a rename onto a file that another
// program holds open. On Unix systems (macOS included) a rename replaces
// a file whoever has it open (a viewer keeps reading the old one), so
// only a busy target means that: EBUSY, as for a file something has
// mounted over.
var heldOpenErrors = []error{syscall.EBUSY}

package source

import "syscall"

// heldOpenErrors are the errors of a rename onto a file that another
// program holds open. Windows replaces a file (MoveFileEx) only if every
// program that has it open shares delete access, which Acrobat Reader,
// Edge and most viewers do not: the rename fails with ERROR_ACCESS_DENIED
// (also the error for a read-only file) or ERROR_SHARING_VIOLATION, and
// with ERROR_LOCK_VIOLATION when part of the file is locked.
var heldOpenErrors = []error{
	syscall.ERROR_ACCESS_DENIED,
	syscall.Errno(32), // ERROR_SHARING_VIOLATION
	syscall.Errno(33), // ERROR_LOCK_VIOLATION
}

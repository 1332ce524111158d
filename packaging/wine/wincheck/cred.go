//go:build windows

package main

import (
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	advapi32 = windows.NewLazySystemDLL("advapi32.dll")
	credRead = advapi32.NewProc("CredReadW")
	credFree = advapi32.NewProc("CredFree")
)

const credTypeGeneric = 1 // CRED_TYPE_GENERIC, what go-keyring writes

// cred prints whether Credential Manager holds a generic credential named
// target. The secret itself is not looked at beyond its length.
func cred(target string) error {
	t, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return err
	}
	var c *struct {
		Flags              uint32
		Type               uint32
		TargetName         *uint16
		Comment            *uint16
		LastWritten        windows.Filetime
		CredentialBlobSize uint32
	}
	r, _, callErr := credRead.Call(uintptr(unsafe.Pointer(t)), credTypeGeneric, 0, uintptr(unsafe.Pointer(&c)))
	if r == 0 {
		if errors.Is(callErr, windows.ERROR_NOT_FOUND) {
			fmt.Println("absent")
			return nil
		}
		return fmt.Errorf("CredRead: %w", callErr)
	}
	defer credFree.Call(uintptr(unsafe.Pointer(c)))
	fmt.Printf("present bytes=%d\n", c.CredentialBlobSize)
	return nil
}

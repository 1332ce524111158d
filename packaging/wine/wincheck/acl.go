//go:build windows

package main

import (
	"errors"
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// fileAllAccess is "full control" of a file once Windows mapped the
// GENERIC_ALL that sfconnect writes (an entry may show either).
const fileAllAccess = 0x001F01FF

// ownerOnly checks that path's DACL is protected (nothing inherited from
// the folder) and holds one entry: allow, the current user, full control.
// It prints what it found either way.
func ownerOnly(path string) error {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("GetNamedSecurityInfo: %w", err)
	}
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	control, _, err := sd.Control()
	if err != nil {
		return err
	}
	owner, _, _ := sd.Owner()
	dacl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("no DACL: %w", err)
	}
	protected := control&windows.SE_DACL_PROTECTED != 0
	fmt.Printf("user=%s owner=%s protected=%v aces=%d\n", user.User.Sid, owner, protected, dacl.AceCount)
	ok := protected && dacl.AceCount == 1
	for i := uint32(0); i < uint32(dacl.AceCount); i++ {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, i, &ace); err != nil {
			return err
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		fmt.Printf("ace type=%d mask=%#x sid=%s\n", ace.Header.AceType, ace.Mask, sid)
		full := ace.Mask&windows.GENERIC_ALL != 0 || ace.Mask&fileAllAccess == fileAllAccess
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || !sid.Equals(user.User.Sid) || !full {
			ok = false
		}
	}
	if !ok {
		return errors.New("not owner-only: want a protected DACL with one full-control entry for the current user")
	}
	return nil
}

// aclProbe tells whether this Windows keeps a file's DACL at all: it gives
// a new file in dir an owner-only DACL, as sfconnect does, and reads it
// back. Wine 8 accepts the call but keeps nothing (it shows a DACL made
// from the Unix mode); then "ignored" is printed and the harness skips the
// ACL check instead of calling it a pass or a failure of sfconnect.
func aclProbe(dir string) error {
	f, err := os.CreateTemp(dir, "acl-probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	defer os.Remove(name)
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.GRANT_ACCESS,
		Inheritance:       windows.NO_INHERITANCE,
		Trustee: windows.TRUSTEE{TrusteeForm: windows.TRUSTEE_IS_SID, TrusteeType: windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid)},
	}}, nil)
	if err != nil {
		return err
	}
	if err := windows.SetNamedSecurityInfo(name, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil); err != nil {
		return fmt.Errorf("SetNamedSecurityInfo: %w", err)
	}
	sd, err := windows.GetNamedSecurityInfo(name, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("GetNamedSecurityInfo: %w", err)
	}
	control, _, err := sd.Control()
	if err != nil {
		return err
	}
	dacl, _, err := sd.DACL()
	if err == nil && control&windows.SE_DACL_PROTECTED != 0 && dacl.AceCount == 1 {
		fmt.Println("kept")
	} else {
		fmt.Printf("ignored (read back: %s)\n", sd)
	}
	return nil
}

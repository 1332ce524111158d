//go:build windows

package main

import (
	"fmt"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	msi                   = windows.NewLazySystemDLL("msi.dll")
	msiQueryProductState  = msi.NewProc("MsiQueryProductStateW")
	msiGetProductInfo     = msi.NewProc("MsiGetProductInfoW")
	msiEnumRelatedProduct = msi.NewProc("MsiEnumRelatedProductsW")
)

// INSTALLSTATE values (msi.h).
var installStates = map[int32]string{
	-1: "unknown", 1: "advertised", 2: "absent", 5: "default",
}

// product prints whether the product is installed for this user and its
// version as Windows Installer registered it.
func product(code string) error {
	c, err := windows.UTF16PtrFromString(code)
	if err != nil {
		return err
	}
	r, _, _ := msiQueryProductState.Call(uintptr(unsafe.Pointer(c)))
	state, ok := installStates[int32(r)]
	if !ok {
		state = fmt.Sprint(int32(r))
	}
	version := ""
	if state == "default" {
		version, err = productInfo(c, "VersionString")
		if err != nil {
			return err
		}
	}
	fmt.Printf("state=%s version=%s\n", state, version)
	return nil
}

func productInfo(code *uint16, property string) (string, error) {
	p, err := windows.UTF16PtrFromString(property)
	if err != nil {
		return "", err
	}
	buf := make([]uint16, 256)
	n := uint32(len(buf))
	r, _, _ := msiGetProductInfo.Call(uintptr(unsafe.Pointer(code)), uintptr(unsafe.Pointer(p)),
		uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n)))
	if r != 0 {
		return "", fmt.Errorf("MsiGetProductInfo %s: %w", property, syscall.Errno(r))
	}
	return windows.UTF16ToString(buf[:n]), nil
}

// related prints every installed product code of the upgrade family.
func related(upgradeCode string) error {
	u, err := windows.UTF16PtrFromString(upgradeCode)
	if err != nil {
		return err
	}
	for i := uint32(0); ; i++ {
		buf := make([]uint16, 39) // a GUID in braces and the NUL
		r, _, _ := msiEnumRelatedProduct.Call(uintptr(unsafe.Pointer(u)), 0, uintptr(i), uintptr(unsafe.Pointer(&buf[0])))
		switch syscall.Errno(r) {
		case 0:
			fmt.Println(windows.UTF16ToString(buf))
		case windows.ERROR_NO_MORE_ITEMS:
			return nil
		default:
			return fmt.Errorf("MsiEnumRelatedProducts: %w", syscall.Errno(r))
		}
	}
}

package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Resource type IDs from winuser.h.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Subsystem values of the optional header (winnt.h).
const (
	subsystemGUI     = pe.IMAGE_SUBSYSTEM_WINDOWS_GUI // 2
	subsystemConsole = pe.IMAGE_SUBSYSTEM_WINDOWS_CUI // 3
)

// vsFixedFileInfoSignature starts the VS_FIXEDFILEINFO inside an RT_VERSION
// resource.
const vsFixedFileInfoSignature = 0xFEEF04BD

// Info is what pecheck reads from one executable.
type Info struct {
	Machine   uint16          // pe.IMAGE_FILE_MACHINE_AMD64 for the x64 builds
	Subsystem uint16          // subsystemGUI or subsystemConsole
	Types     map[uint32]bool // top-level resource type IDs present
	// FileVersion is VS_FIXEDFILEINFO's file version "a.b.c.d"; empty when
	// the exe has no version resource.
	FileVersion string
	// Manifest is the first RT_MANIFEST resource, empty when none.
	Manifest string
}

// errMalformed marks a resource tree that points outside its section.
var errMalformed = errors.New("malformed resource directory")

// Inspect reads the PE header and resource tree of an executable.
func Inspect(r io.ReaderAt) (*Info, error) {
	f, err := pe.NewFile(r)
	if err != nil {
		return nil, fmt.Errorf("read PE: %w", err)
	}
	defer f.Close()
	info := &Info{Machine: f.Machine, Types: map[uint32]bool{}}
	var rsrcDir pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		info.Subsystem = oh.Subsystem
		if len(oh.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			rsrcDir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	case *pe.OptionalHeader32:
		info.Subsystem = oh.Subsystem
		if len(oh.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			rsrcDir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	default:
		return nil, errors.New("read PE: no optional header")
	}
	if rsrcDir.VirtualAddress == 0 || rsrcDir.Size == 0 {
		return info, nil // no resources at all
	}
	for _, s := range f.Sections {
		if rsrcDir.VirtualAddress < s.VirtualAddress || rsrcDir.VirtualAddress >= s.VirtualAddress+s.VirtualSize {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return nil, fmt.Errorf("read section %s: %w", s.Name, err)
		}
		off := rsrcDir.VirtualAddress - s.VirtualAddress
		if off >= uint32(len(data)) {
			return nil, errMalformed
		}
		rt := &resourceTree{data: data[off:], rva: rsrcDir.VirtualAddress}
		if err := rt.fill(info); err != nil {
			return nil, fmt.Errorf("read resources: %w", err)
		}
		return info, nil
	}
	return nil, fmt.Errorf("read resources: RVA %#x is in no section: %w", rsrcDir.VirtualAddress, errMalformed)
}

// resourceTree walks an IMAGE_RESOURCE_DIRECTORY tree. data starts at the
// root directory, whose RVA is rva; every offset in the tree is relative to
// the root, except data entries, which hold RVAs.
type resourceTree struct {
	data []byte
	rva  uint32
}

type dirEntry struct {
	id     uint32 // the ID, or the name offset when named
	named  bool
	subdir bool
	offset uint32
}

func (rt *resourceTree) u32(off uint32) (uint32, error) {
	if uint64(off)+4 > uint64(len(rt.data)) {
		return 0, errMalformed
	}
	return binary.LittleEndian.Uint32(rt.data[off:]), nil
}

// dir lists the entries of the directory at off.
func (rt *resourceTree) dir(off uint32) ([]dirEntry, error) {
	if uint64(off)+16 > uint64(len(rt.data)) {
		return nil, errMalformed
	}
	n := int(binary.LittleEndian.Uint16(rt.data[off+12:])) + int(binary.LittleEndian.Uint16(rt.data[off+14:]))
	if uint64(off)+16+uint64(n)*8 > uint64(len(rt.data)) {
		return nil, errMalformed
	}
	out := make([]dirEntry, 0, n)
	for i := 0; i < n; i++ {
		e := off + 16 + uint32(i)*8
		name, _ := rt.u32(e)
		target, _ := rt.u32(e + 4)
		out = append(out, dirEntry{
			id:     name &^ 0x80000000,
			named:  name&0x80000000 != 0,
			subdir: target&0x80000000 != 0,
			offset: target &^ 0x80000000,
		})
	}
	return out, nil
}

// first follows the first entry of each level under e (name, then
// language) down to the data entry and returns the resource's bytes.
func (rt *resourceTree) first(e dirEntry) ([]byte, error) {
	for depth := 0; e.subdir; depth++ {
		if depth > 4 {
			return nil, errMalformed // real trees are three levels deep
		}
		entries, err := rt.dir(e.offset)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, errMalformed
		}
		e = entries[0]
	}
	dataRVA, err := rt.u32(e.offset)
	if err != nil {
		return nil, err
	}
	size, err := rt.u32(e.offset + 4)
	if err != nil {
		return nil, err
	}
	if dataRVA < rt.rva {
		return nil, errMalformed
	}
	start := uint64(dataRVA - rt.rva)
	if start+uint64(size) > uint64(len(rt.data)) {
		return nil, errMalformed
	}
	return rt.data[start : start+uint64(size)], nil
}

// fill records the resource types, the fixed file version and the manifest.
func (rt *resourceTree) fill(info *Info) error {
	entries, err := rt.dir(0)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.named {
			continue
		}
		info.Types[e.id] = true
		switch e.id {
		case rtVersion:
			b, err := rt.first(e)
			if err != nil {
				return fmt.Errorf("version resource: %w", err)
			}
			info.FileVersion = fixedFileVersion(b)
		case rtManifest:
			b, err := rt.first(e)
			if err != nil {
				return fmt.Errorf("manifest resource: %w", err)
			}
			info.Manifest = string(b)
		}
	}
	return nil
}

// fixedFileVersion finds VS_FIXEDFILEINFO in a VS_VERSIONINFO blob and
// formats its file version; "" when absent.
func fixedFileVersion(b []byte) string {
	sig := binary.LittleEndian.AppendUint32(nil, vsFixedFileInfoSignature)
	i := bytes.Index(b, sig)
	if i < 0 || i+16 > len(b) {
		return ""
	}
	ms := binary.LittleEndian.Uint32(b[i+8:])
	ls := binary.LittleEndian.Uint32(b[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

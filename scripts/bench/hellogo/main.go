// Command hellogo is the floor for the CLI start-up benchmark: the smallest
// Go program that prints something, built with the same toolchain and flags
// as sfconnect-cli.
package main

import "os"

func main() { _, _ = os.Stdout.WriteString("hello, world\n") }

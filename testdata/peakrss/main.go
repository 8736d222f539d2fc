// Command peakrss runs a command and prints the peak resident memory of
// it and its children, in bytes, to stderr's last line as "peak-rss N".
// The memory tests run pmfit through it rather than directly: Linux
// counts into a child's peak the memory of the process that started it
// (the image it forked from), and the test binary is larger than the
// bound being checked; this program is small.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(125)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	fmt.Fprintf(os.Stderr, "peak-rss %d\n", ru.Maxrss<<10) // kilobytes on Linux
	os.Exit(cmd.ProcessState.ExitCode())
}

//go:build unix

// Command buildcost measures what a generated package costs its users at
// every build: generated lines, and the CPU time and peak memory of
// `go build` of that package alone (the standard library, oapi-codegen's
// runtime module and livegen's generated runtime package already in the
// build cache), for livegen and, where its output builds, oapi-codegen. For
// livegen it also gives the runtime package's lines and the build CPU when
// the runtime is rebuilt too. It prints the Markdown table of BENCHMARKS.md.
//
// Run it from the repository root:
//
//	go run ./bench/buildcost [-runs 2] [-peer=false] name=spec ...
//
// It builds livegen and peergen first, writes both outputs under -work, and
// forces a rebuild of the generated package alone with a changed constant
// in an extra file, so the figures are the package's own compile and link
// of nothing: `go build -o /dev/null`. CPU is user + system time of the go
// command and the compiler it runs; peak memory is the largest resident
// set among them (getrusage). The lower of -runs builds is kept.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	work := flag.String("work", filepath.Join(os.TempDir(), "livegen-buildcost"), "directory for the generated packages")
	runs := flag.Int("runs", 2, "builds per package; the lowest figures are kept")
	peer := flag.Bool("peer", true, "also generate and build oapi-codegen's output")
	flag.Parse()
	if err := run(*work, *runs, *peer, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "buildcost:", err)
		os.Exit(1)
	}
}

// cost is what one generated package costs to build.
type cost struct {
	lines  int
	cpu    time.Duration
	maxRSS int64 // bytes
	err    string
	// runtimeLines and withRuntime are livegen's runtime package: its
	// lines, and the build CPU when it is rebuilt with the package (a
	// first build, or a new livegen version).
	runtimeLines int
	withRuntime  time.Duration
}

func run(work string, runs int, peer bool, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("name a spec: name=path ...")
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	livegen := filepath.Join(work, "livegen")
	peergen := filepath.Join(work, "peergen")
	for tool, pkg := range map[string]string{livegen: "./cmd/livegen", peergen: "./bench/peergen"} {
		if out, err := exec.Command("go", "build", "-o", tool, pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	peerMod, err := os.ReadFile("generated/peers/go.mod")
	if err != nil {
		return err
	}
	fmt.Println("| spec | operations | livegen lines | oapi-codegen lines | livegen build CPU | oapi-codegen build CPU | CPU ratio | livegen peak RSS | oapi-codegen peak RSS | RSS ratio | livegen runtime lines | livegen build CPU with its runtime |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, arg := range args {
		name, spec, ok := strings.Cut(arg, "=")
		if !ok {
			return fmt.Errorf("%q: want name=path", arg)
		}
		if spec, err = filepath.Abs(spec); err != nil {
			return err
		}
		lg := measure(filepath.Join(work, "livegen-"+name), "module lg"+name+"\n\ngo 1.25.0\n", runs,
			livegen, "-spec", spec, "-out", "p", "-package", "p")
		oc := cost{err: "not run"}
		if peer {
			mod := strings.Replace(string(peerMod), "module github.com/seed-0d47db62/livegen/generated/peers", "module oc"+name, 1)
			oc = measure(filepath.Join(work, "oapi-codegen-"+name), peerOnlyMod(mod), runs,
				peergen, "-spec", spec, "-out", "p/p.gen.go", "-package", "p")
		}
		fmt.Printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, operations(filepath.Join(work, "livegen-"+name, "p")),
			lines(lg), lines(oc), cpu(lg), cpu(oc), ratio(lg, oc, func(c cost) float64 { return c.cpu.Seconds() }),
			rss(lg), rss(oc), ratio(lg, oc, func(c cost) float64 { return float64(c.maxRSS) }),
			lines(cost{lines: lg.runtimeLines}), cpu(cost{cpu: lg.withRuntime, err: lg.err}))
	}
	return nil
}

// peerOnlyMod drops the main module from the peers' go.mod: the peer's
// output needs oapi-codegen's runtime alone.
func peerOnlyMod(mod string) string {
	var b strings.Builder
	for _, line := range strings.Split(mod, "\n") {
		if !strings.Contains(line, "seed-0d47db62/livegen") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// measure generates a package into dir/p with the command gen, then builds
// it runs times after a warm-up build.
func measure(dir, gomod string, runs int, gen string, genArgs ...string) cost {
	_ = os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return cost{err: err.Error()}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return cost{err: err.Error()}
	}
	cmd := exec.Command(gen, genArgs...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return cost{err: "generate: " + firstLine(out, err)}
	}
	c := cost{lines: countLines(filepath.Join(dir, "p"))}
	if _, err := goCommand(dir, "mod", "tidy"); err != nil {
		return cost{lines: c.lines, err: "go mod tidy: " + err.Error()}
	}
	if _, err := goCommand(dir, "build", "./p"); err != nil {
		return cost{lines: c.lines, err: "does not build: " + err.Error()}
	}
	for i := range runs {
		nonce := fmt.Sprintf("package p\n\nconst buildCostNonce = %d\n", time.Now().UnixNano()+int64(i))
		if err := os.WriteFile(filepath.Join(dir, "p", "buildcost_nonce.go"), []byte(nonce), 0o644); err != nil {
			return cost{err: err.Error()}
		}
		usage, err := goCommand(dir, "build", "-o", os.DevNull, "./p")
		if err != nil {
			return cost{lines: c.lines, err: err.Error()}
		}
		cpu := time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
		if c.cpu == 0 || cpu < c.cpu {
			c.cpu = cpu
		}
		if rss := usage.Maxrss * 1024; c.maxRSS == 0 || rss < c.maxRSS {
			c.maxRSS = rss
		}
	}
	runtime := filepath.Join(dir, "p", "internal", "livegenrt")
	if _, err := os.Stat(runtime); err != nil {
		return c // oapi-codegen's output, or a livegen package without a runtime
	}
	c.runtimeLines = countLines(runtime)
	for i := range runs {
		nonce := fmt.Sprintf("package livegenrt\n\nconst buildCostNonce = %d\n", time.Now().UnixNano()+int64(i))
		if err := os.WriteFile(filepath.Join(runtime, "buildcost_nonce.go"), []byte(nonce), 0o644); err != nil {
			return cost{err: err.Error()}
		}
		nonce = fmt.Sprintf("package p\n\nconst buildCostNonce = %d\n", time.Now().UnixNano()+int64(i))
		if err := os.WriteFile(filepath.Join(dir, "p", "buildcost_nonce.go"), []byte(nonce), 0o644); err != nil {
			return cost{err: err.Error()}
		}
		usage, err := goCommand(dir, "build", "-o", os.DevNull, "./p")
		if err != nil {
			return cost{lines: c.lines, err: err.Error()}
		}
		if cpu := time.Duration(usage.Utime.Nano() + usage.Stime.Nano()); c.withRuntime == 0 || cpu < c.withRuntime {
			c.withRuntime = cpu
		}
	}
	return c
}

// goCommand runs the go command in dir and returns its resource usage,
// which covers the compiler and linker it waited for.
func goCommand(dir string, args ...string) (*syscall.Rusage, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s", firstLine(out.Bytes(), err))
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage), nil
}

func firstLine(out []byte, err error) string {
	s := strings.TrimSpace(string(out))
	if s == "" {
		return err.Error()
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// countLines counts the lines of the generated Go files in dir.
func countLines(dir string) int {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "buildcost_nonce.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err == nil {
			n += bytes.Count(data, []byte("\n"))
		}
	}
	return n
}

// operations counts the exported methods of the livegen client, one per
// operation (page iterators, bulk and stream variants left out).
func operations(dir string) int {
	n := 0
	files, _ := filepath.Glob(filepath.Join(dir, "client*.gen.go"))
	for _, f := range files {
		file, err := os.Open(f)
		if err != nil {
			continue
		}
		s := bufio.NewScanner(file)
		s.Buffer(make([]byte, 1<<20), 1<<24)
		for s.Scan() {
			line := s.Text()
			method, ok := strings.CutPrefix(line, "func (c *Client) ")
			if ok && method[0] >= 'A' && method[0] <= 'Z' && !strings.Contains(method, "All(") &&
				!strings.Contains(method, "InChunks(") && !strings.Contains(method, "Stream(") {
				n++
			}
		}
		file.Close()
	}
	return n
}

func lines(c cost) string {
	if c.lines == 0 {
		return "–"
	}
	return thousands(c.lines)
}

func cpu(c cost) string {
	if c.err != "" {
		return c.err
	}
	return fmt.Sprintf("%.1f s", c.cpu.Seconds())
}

func rss(c cost) string {
	if c.err != "" {
		return "–"
	}
	return fmt.Sprintf("%.0f MB", float64(c.maxRSS)/1e6)
}

func ratio(lg, oc cost, of func(cost) float64) string {
	if lg.err != "" || oc.err != "" || of(oc) == 0 {
		return "–"
	}
	return fmt.Sprintf("**%.2f×**", of(lg)/of(oc))
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

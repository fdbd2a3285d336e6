package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestMain runs the command itself when the test binary is started as a
// child by TestSignals, so that no separate build is needed.
func TestMain(m *testing.M) {
	if os.Getenv("LIVESIM_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// lockedBuffer is the command's log, written by its goroutines while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// get answers a GET with its status and body.
func get(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// The command serves the seeded lives, checks the token, logs each request
// and stops cleanly when its context ends.
func TestRunServesUntilCancelled(t *testing.T) {
	var logs lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", "demo", "-token", "T0K"}, &logs, func(addr string) { addrs <- addr })
	}()
	base := "http://" + <-addrs

	status, _ := get(t, base+"/v1/lives", "")
	require.Equal(t, 401, status)
	status, body := get(t, base+"/v1/lives", "T0K")
	require.Equal(t, 200, status)
	var lives struct {
		Items []struct{ ID, Title string }
		Total int
	}
	require.NoError(t, json.Unmarshal([]byte(body), &lives))
	require.Equal(t, 5, lives.Total)
	require.Equal(t, "Product launch: spring release", lives.Items[0].Title)

	cancel()
	require.NoError(t, <-done)
	out := logs.String()
	require.Contains(t, out, `msg="livesim listening" url=`+base)
	require.Equal(t, 2, strings.Count(out, "msg=request "), out)
	require.Contains(t, out, `msg="livesim stopped"`)
	require.NotContains(t, out, "T0K")
}

// An empty seed serves no Lives.
func TestRunEmpty(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", "empty"}, io.Discard, func(addr string) { addrs <- addr })
	}()
	status, body := get(t, "http://"+<-addrs+"/v1/lives", "")
	require.Equal(t, 200, status)
	require.JSONEq(t, `{"items":[],"total":0}`, body)
	cancel()
	require.NoError(t, <-done)
}

// Mistakes on the command line are usage errors, before anything listens.
func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-seed", "full"},
		{"-max-bulk", "0"},
		{"-nope"},
		{"extra"},
	} {
		var stderr bytes.Buffer
		err := run(context.Background(), args, &stderr, func(string) { t.Errorf("%v: listening", args) })
		var usage usageError
		require.ErrorAs(t, err, &usage, "%v", args)
	}
	err := run(context.Background(), []string{"-h"}, io.Discard, nil)
	require.True(t, errors.Is(err, flag.ErrHelp))
	err = run(context.Background(), []string{"-addr", "256.0.0.1:1"}, io.Discard, nil)
	require.Error(t, err, "an address that cannot be listened on")
}

// SIGINT and SIGTERM stop the process gracefully, with status 0.
func TestSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0")
			cmd.Env = append(os.Environ(), "LIVESIM_RUN_MAIN=1")
			stderr, err := cmd.StderrPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			t.Cleanup(func() { _ = cmd.Process.Kill() })

			lines := bufio.NewScanner(stderr)
			base := waitForURL(t, lines)
			status, _ := get(t, base+"/v1/lives/live-1", "")
			require.Equal(t, 200, status)

			require.NoError(t, cmd.Process.Signal(sig))
			var rest strings.Builder
			for lines.Scan() {
				rest.WriteString(lines.Text() + "\n")
			}
			require.NoError(t, cmd.Wait(), rest.String())
			require.Contains(t, rest.String(), `msg="livesim shutting down"`)
			require.Contains(t, rest.String(), `msg="livesim stopped"`)
		})
	}
}

// waitForURL reads the log until the line that says where livesim listens.
func waitForURL(t *testing.T, lines *bufio.Scanner) string {
	t.Helper()
	listening := regexp.MustCompile(`msg="livesim listening" url=(\S+)`)
	found := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if m := listening.FindStringSubmatch(lines.Text()); m != nil {
				found <- m[1]
				return
			}
		}
		close(found)
	}()
	select {
	case url, ok := <-found:
		require.True(t, ok, "livesim exited before listening")
		return url
	case <-time.After(30 * time.Second):
		t.Fatal("livesim did not start listening")
		return ""
	}
}

// startRun runs the command with args on a free port and returns its
// address, its log and a function that stops it and returns run's error.
func startRun(t *testing.T, args ...string) (addr string, logs *lockedBuffer, stop func() error) {
	t.Helper()
	logs = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-seed", "demo"}, args...), logs, func(addr string) { addrs <- addr })
	}()
	t.Cleanup(cancel)
	return <-addrs, logs, func() error { cancel(); return <-done }
}

// A client that stops sending its body, or keeps a connection idle, loses
// the connection after the timeout instead of holding it for ever.
func TestSlowAndIdleConnectionsAreClosed(t *testing.T) {
	addr, _, stop := startRun(t, "-read-timeout", "200ms", "-idle-timeout", "200ms")
	for name, request := range map[string]string{
		"slow body": "POST /v1/lives HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
		"idle":      "GET /v1/lives/live-1 HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			require.NoError(t, err)
			defer conn.Close()
			_, err = conn.Write([]byte(request))
			require.NoError(t, err)
			// The deadline only keeps a failing test from hanging.
			require.NoError(t, conn.SetReadDeadline(time.Now().Add(20*time.Second)))
			_, err = io.ReadAll(conn)
			require.NoError(t, err, "the server closes the connection")
		})
	}
	require.NoError(t, stop())
}

// A request that is still being sent when the command is told to stop does
// not make the stop fail: after the grace period its connection is closed
// and run returns nil, so the process exits 0.
func TestStopWithSlowRequestIsClean(t *testing.T) {
	addr, logs, stop := startRun(t, "-read-timeout", "1m", "-grace", "100ms")
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /v1/lives HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n"))
	require.NoError(t, err)
	// The server says 100 Continue when the handler starts reading the body:
	// from then on the request is under way.
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(20*time.Second)))
	line, err := bufio.NewReader(conn).ReadString('\n')
	require.NoError(t, err)
	require.Contains(t, line, "100 Continue")
	_, err = conn.Write([]byte("{"))
	require.NoError(t, err)
	require.NoError(t, stop())
	require.Contains(t, logs.String(), "closing their connections")
	require.Contains(t, logs.String(), `msg="livesim stopped"`)
}

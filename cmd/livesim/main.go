// Command livesim serves the MeltingSpot lives API from memory, so that an
// integration can be tried and tested without credentials or network:
//
//	livesim [-addr 127.0.0.1:8080] [-seed demo|empty] [-token T] [-max-bulk 100]
//	        [-read-timeout 30s] [-write-timeout 30s] [-idle-timeout 2m] [-grace 10s]
//
// Every operation of openapi/meltingspot/lives.yaml is served by the
// generated handler over the livesim package's store. It logs one line per
// request to stderr. A connection that is slow to send its request, slow to
// take its answer or idle between requests is closed after its timeout, so
// that slow clients cannot hold connections forever. On SIGINT or SIGTERM it
// stops accepting requests, lets those under way finish for the grace
// period, closes the connections still open and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/seed-0d47db62/livegen/livesim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stderr, nil)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "livesim:", err)
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "livesim:", err)
		os.Exit(1)
	}
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// config is what the command line asks for.
type config struct {
	addr, seed, token string
	maxBulk           int
	timeouts          timeouts
}

// timeouts bound how long a connection may take; see newServer.
type timeouts struct {
	read, write, idle time.Duration
	// grace is how long requests under way may take to finish on shutdown.
	grace time.Duration
}

// run serves until ctx ends, then shuts down gracefully. It calls ready, if
// not nil, with the address it listens on, once it accepts requests.
func run(ctx context.Context, args []string, stderr io.Writer, ready func(addr string)) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	sim, err := newSim(cfg, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	logger.Info("livesim listening", "url", "http://"+ln.Addr().String(), "seed", cfg.seed, "token", cfg.token != "")
	if ready != nil {
		ready(ln.Addr().String())
	}
	return serve(ctx, ln, newServer(sim, cfg.timeouts, logger), cfg.timeouts.grace, logger)
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("livesim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&cfg.seed, "seed", "demo", "data to start with: demo (members, groups and Lives with participants) or empty")
	fs.StringVar(&cfg.token, "token", "", "bearer token that every request must carry (default: none is checked)")
	fs.IntVar(&cfg.maxBulk, "max-bulk", livesim.DefaultMaxBulkInvite, "most members one bulk invitation may name before it gets 413")
	fs.DurationVar(&cfg.timeouts.read, "read-timeout", 30*time.Second, "longest time to read a request, headers and body")
	fs.DurationVar(&cfg.timeouts.write, "write-timeout", 30*time.Second, "longest time from the end of a request's headers to the end of its answer")
	fs.DurationVar(&cfg.timeouts.idle, "idle-timeout", 2*time.Minute, "longest time a kept-alive connection may wait for its next request")
	fs.DurationVar(&cfg.timeouts.grace, "grace", 10*time.Second, "on SIGINT or SIGTERM, how long requests under way may take to finish")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: livesim [-addr 127.0.0.1:8080] [-seed demo|empty] [-token T] [-max-bulk 100]")
		fmt.Fprintln(stderr, "               [-read-timeout 30s] [-write-timeout 30s] [-idle-timeout 2m] [-grace 10s]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return cfg, usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if cfg.maxBulk < 1 {
		return cfg, usageError{"-max-bulk must be at least 1"}
	}
	t := cfg.timeouts
	if t.read <= 0 || t.write <= 0 || t.idle <= 0 || t.grace <= 0 {
		return cfg, usageError{"-read-timeout, -write-timeout, -idle-timeout and -grace must be positive"}
	}
	return cfg, nil
}

// newSim builds the simulated API that cfg asks for.
func newSim(cfg config, logger *slog.Logger) (*livesim.Sim, error) {
	opts := livesim.Options{Token: cfg.token, MaxBulkInvite: cfg.maxBulk, Logger: logger}
	switch cfg.seed {
	case "demo":
		opts.Seed = livesim.Demo
	case "empty":
	default:
		return nil, usageError{fmt.Sprintf("-seed %q: use demo or empty", cfg.seed)}
	}
	return livesim.New(opts)
}

// newServer is the HTTP server of h. Every phase of a connection has a
// deadline: a client that sends its request slowly, reads its answer slowly
// or keeps an idle connection open loses the connection instead of holding
// a file descriptor for ever.
func newServer(h http.Handler, t timeouts, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(t.read, 10*time.Second),
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// serve answers requests on ln until ctx ends, then lets the requests under
// way finish for up to grace and closes the connections that are still
// open: the end of ctx is a clean stop, whatever the clients do.
func serve(ctx context.Context, ln net.Listener, srv *http.Server, grace time.Duration, logger *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("livesim shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Warn("requests still under way after the grace period; closing their connections", "grace", grace)
		if err := srv.Close(); err != nil {
			return fmt.Errorf("closing connections: %w", err)
		}
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("livesim stopped")
	return nil
}

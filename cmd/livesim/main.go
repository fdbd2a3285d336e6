// Command livesim serves the MeltingSpot lives API from memory, so that an
// integration can be tried and tested without credentials or network:
//
//	livesim [-addr 127.0.0.1:8080] [-seed demo|empty] [-token T] [-max-bulk 100]
//
// Every operation of openapi/meltingspot/lives.yaml is served by the
// generated handler over the livesim package's store. It logs one line per
// request to stderr, and on SIGINT or SIGTERM it stops accepting requests,
// finishes those under way and exits 0.
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

// shutdownGrace is how long requests under way may take to finish.
const shutdownGrace = 10 * time.Second

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// config is what the command line asks for.
type config struct {
	addr, seed, token string
	maxBulk           int
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
	return serve(ctx, ln, sim, logger)
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
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: livesim [-addr 127.0.0.1:8080] [-seed demo|empty] [-token T] [-max-bulk 100]")
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

// serve answers requests on ln until ctx ends, then lets the requests under
// way finish for up to shutdownGrace.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("livesim shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("livesim stopped")
	return nil
}

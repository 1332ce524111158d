package ui

import (
	"context"
	"io"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
)

// Backend is what the screens need from the core: the method set of
// *app.Service, declared here so that tests can also pass a wrapper.
type Backend interface {
	Begin(ctx context.Context, in app.ConnectInput) (*app.Session, error)
	Reauthorize(ctx context.Context, name string, promptLogin bool, timeout time.Duration) (*app.Session, error)
	Save(ctx context.Context, name string, c *app.Connection, f app.ConsoleFields) error
	Discard(ctx context.Context, c *app.Connection) error
	Verify(ctx context.Context, name string, p app.Progress) (*app.Report, error)
	VerifyDeep(ctx context.Context, name string, p app.Progress) (*app.Report, error)
	Import(ctx context.Context, r io.Reader, name string) (app.Profile, error)
	Orphans(ctx context.Context) ([]app.Orphan, error)
	RemoveOrphans(ctx context.Context, names []string) ([]string, error)
	List(ctx context.Context) ([]app.Profile, error)
	Load(ctx context.Context, name string) (app.Profile, error)
	UpdateFields(ctx context.Context, name string, f app.ConsoleFields) error
	Secrets(ctx context.Context, name string) (app.Secrets, error)
	Remove(ctx context.Context, name string, revoke bool, p app.Progress) (app.Deletion, error)
	CheckOne(ctx context.Context, p app.Profile) app.ConnectionHealth
	ExportHandover(ctx context.Context, name string, includeSecrets bool, lock *app.SealLock, path string) (app.Handover, error)
	ImportSealed(ctx context.Context, r io.Reader, name string, key app.SealKey) (app.Profile, error)
	ImportSealedWith(ctx context.Context, r io.Reader, o app.ImportOptions, key app.SealKey) (app.Profile, error)
	SetLang(lang string)
}

// DemoStarter starts the embedded Salesforce simulator for demo mode;
// app.StartDemo in the real app.
type DemoStarter func(ctx context.Context) (*app.Demo, error)

var _ Backend = (*app.Service)(nil)

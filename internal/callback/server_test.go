package callback

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const serverState = "srv-state-Qm81"

// listenFree starts a server on a free port, retrying if another process
// grabbed the port in between.
func listenFree(t *testing.T) (*Server, int) {
	t.Helper()
	for range 5 {
		port, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		s, err := Listen(context.Background(), Config{
			RedirectURL: PortURL(port),
			State:       serverState,
		})
		var pe *PortError
		if errors.As(err, &pe) && pe.Reason == "in_use" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s, port
	}
	t.Fatal("no free port found")
	return nil, 0
}

// browse plays the browser: a real request to ip:port with Host localhost.
func browse(t *testing.T, method, ip string, port int, target string) (int, string) {
	t.Helper()
	status, body, err := fetch(method, ip, port, target)
	if err != nil {
		t.Fatal(err)
	}
	return status, body
}

// fetch is browse without testing.T, for goroutines.
func fetch(method, ip string, port int, target string) (int, string, error) {
	req, err := http.NewRequest(method, "http://"+net.JoinHostPort(ip, strconv.Itoa(port))+target, nil)
	if err != nil {
		return 0, "", err
	}
	req.Host = "localhost:" + strconv.Itoa(port)
	client := &http.Client{Timeout: 30 * time.Second} // a safety net, not an assertion
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

func wait(t *testing.T, s *Server) (Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return s.Wait(ctx)
}

func TestListenOutcomes(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		want       Result
		wantErr    error
		wantStatus int
	}{
		{"success", "?code=aPrx%3D%3D&state=" + serverState, Result{Code: "aPrx=="}, nil, 200},
		{"double escaped", "?code=aPrx%253D&state=" + serverState, Result{Code: "aPrx%3D"}, nil, 200},
		{
			"access denied", "?error=access_denied&error_description=end-user+denied+authorization&state=" + serverState,
			Result{Error: "access_denied", ErrorDescription: "end-user denied authorization"}, nil, 400,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, port := listenFree(t)
			status, body := browse(t, "GET", "127.0.0.1", port, "/callback"+tt.query)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			if strings.Contains(body, serverState) || strings.Contains(body, "srv-state-Qm82") {
				t.Error("page shows a state")
			}
			got, err := wait(t, s)
			if got != tt.want || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Wait = %+v, %v; want %+v, %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestListenFirstCallbackWins(t *testing.T) {
	s, port := listenFree(t)
	for _, target := range []string{"/favicon.ico", "/", "/callback"} {
		if status, _ := browse(t, "GET", "127.0.0.1", port, target); status != 404 && status != 400 {
			t.Fatalf("GET %s: status %d", target, status)
		}
	}
	if status, _ := browse(t, "POST", "127.0.0.1", port, "/callback?code=post&state="+serverState); status != 405 {
		t.Fatalf("POST: status %d, want 405", status)
	}
	browse(t, "GET", "127.0.0.1", port, "/callback?code=first&state="+serverState)
	status, body := browse(t, "GET", "127.0.0.1", port, "/callback?code=second&state="+serverState)
	if status != 200 || !strings.Contains(body, "already completed") {
		t.Errorf("second callback: %d %q", status, body)
	}
	browse(t, "GET", "127.0.0.1", port, "/callback?code=third&state=wrong")
	got, err := wait(t, s)
	if err != nil || got.Code != "first" {
		t.Fatalf("Wait = %+v, %v; want code first", got, err)
	}
	if s.Deliver(Result{Code: "pasted"}) {
		t.Fatal("Deliver after a callback returned true")
	}
}

func TestWaitEndsWithContext(t *testing.T) {
	s, _ := listenFree(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled: err = %v", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := s.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("timeout: err = %v", err)
	}
	// Neither ended the server: a callback still counts.
	if !s.Deliver(Result{Code: "late"}) {
		t.Fatal("Deliver after a canceled Wait returned false")
	}
}

func TestCloseIsIdempotentAndFreesThePort(t *testing.T) {
	s, port := listenFree(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := wait(t, s); !errors.Is(err, ErrClosed) {
		t.Fatalf("Wait after Close: %v, want ErrClosed", err)
	}
	l, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		t.Fatalf("port still held after Close: %v", err)
	}
	l.Close()
}

// A client that connects and sends nothing must not keep Close from
// returning: after the grace period the connection is cut.
func TestCloseCutsStalledConnections(t *testing.T) {
	s, port := listenFree(t)
	c, err := net.Dial("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("GET /callback?code=x HTTP/1.1\r\n")); err != nil { // headers never finish
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := wait(t, s); !errors.Is(err, ErrClosed) {
		t.Fatalf("Wait = %v, want ErrClosed", err)
	}
}

func TestListenServesIPv6(t *testing.T) {
	ipv6Available(t)
	s, port := listenFree(t)
	if status, _ := browse(t, "GET", "::1", port, "/callback?code=v6&state="+serverState); status != 200 {
		t.Fatalf("status %d", status)
	}
	if got, err := wait(t, s); err != nil || got.Code != "v6" {
		t.Fatalf("Wait = %+v, %v", got, err)
	}
}

func TestDeliverRacesCallback(t *testing.T) {
	for i := range 20 {
		s, port := listenFree(t)
		var delivered bool
		var status int
		var body string
		var fetchErr error
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); delivered = s.Deliver(Result{Code: "pasted"}) }()
		go func() {
			defer wg.Done()
			status, body, fetchErr = fetch("GET", "127.0.0.1", port, "/callback?code=browser&state="+serverState)
		}()
		wg.Wait()
		if fetchErr != nil {
			t.Fatal(fetchErr)
		}
		got, err := wait(t, s)
		if err != nil {
			t.Fatal(err)
		}
		browserWon := strings.Contains(body, "Sign-in complete")
		switch {
		case got.Code == "pasted" && delivered && !browserWon && strings.Contains(body, "already completed"):
		case got.Code == "browser" && !delivered && browserWon && status == 200:
		default:
			t.Fatalf("round %d: result %q, delivered %v, page %q", i, got.Code, delivered, body)
		}
		_ = s.Close()
	}
}

func TestDeliverRejectsEmptyAndLate(t *testing.T) {
	s := newTestHandler(t)
	if s.Deliver(Result{}) {
		t.Fatal("empty result accepted")
	}
	if !s.Deliver(Result{Error: "access_denied"}) {
		t.Fatal("first result refused")
	}
	if s.Deliver(Result{Code: "x"}) {
		t.Fatal("second result accepted")
	}
	if got, err := wait(t, s); err != nil || got.Error != "access_denied" {
		t.Fatalf("Wait = %+v, %v", got, err)
	}
}

func TestListenRejectsConfig(t *testing.T) {
	if _, err := Listen(context.Background(), Config{RedirectURL: "http://localhost:8765/"}); err == nil {
		t.Fatal("empty state accepted")
	}
	_, err := Listen(context.Background(), Config{RedirectURL: "http://127.0.0.1:8765/", State: "s"})
	var re *RedirectURLError
	if !errors.As(err, &re) || re.Reason != "host" {
		t.Fatalf("err = %v, want RedirectURLError host", err)
	}
}

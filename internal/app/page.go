package app

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"sync"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// pageTmpl is the small page the browser shows after the redirect. It holds
// no secret: no code, no state, no token. It is parsed when first needed,
// after the browser has been opened, not at every start of the CLI.
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>sfconnect</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"Hiragino Sans","Yu Gothic UI","Noto Sans CJK JP",sans-serif;background:#f3f6f9;color:#16325c;margin:0}
main{max-width:34rem;margin:12vh auto;background:#fff;border-radius:12px;padding:2rem 2.5rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 .8rem}.ok h1{color:#2e844a}.fail h1{color:#ba0517}p{line-height:1.6}</style></head>
<body><main class="{{.Class}}"><h1>{{.Title}}</h1><p>{{.Body}}</p><p>{{.Close}}</p></main></body></html>`))
})

// page renders the browser's result page in the service's language.
func (s *Service) page(r callback.Result, err error) (int, []byte) {
	loc := s.loc.Load()
	data := struct{ Lang, Class, Title, Body, Close string }{Lang: loc.Lang(), Class: "ok",
		Title: loc.T("app.page.success.title"), Body: loc.T("app.page.success.body"),
		Close: loc.T("app.page.close")}
	status := http.StatusOK
	switch {
	case errors.Is(err, callback.ErrAlreadyCompleted):
		// A reload or a second tab: the sign-in itself went through.
		data.Body = loc.T("app.page.already.body")
	case errors.Is(err, callback.ErrStateMismatch):
		// Not this sign-in's response (a stale tab or a forged request):
		// it was ignored and the real one is still awaited.
		status, data.Class = http.StatusBadRequest, "fail"
		data.Title, data.Body = loc.T("app.page.ignored.title"), loc.Error(err)
	case err != nil:
		status, data.Class = http.StatusBadRequest, "fail"
		data.Title, data.Body = loc.T("app.page.failure.title"), loc.Error(err)
	case r.Error != "":
		status, data.Class = http.StatusOK, "fail"
		data.Title = loc.T("app.page.failure.title")
		data.Body = loc.Error(salesforce.NewCallbackError(r.Error, r.ErrorDescription))
	}
	var buf bytes.Buffer
	if err := pageTmpl().Execute(&buf, data); err != nil {
		return http.StatusInternalServerError, []byte("sfconnect")
	}
	return status, buf.Bytes()
}

package sfsim

import (
	"bytes"
	"html/template"
	"net/http"
	"sync"
)

// pageStyle keeps the simulator's pages readable without any external asset.
const pageStyle = `body{font-family:system-ui,"Noto Sans CJK JP",sans-serif;background:#f3f3f3;margin:0}
main{max-width:30rem;margin:3rem auto;background:#fff;border:1px solid #ddd;border-radius:6px;padding:1.5rem}
h1{font-size:1.3rem}.ja{color:#444}.sim{font-size:.8rem;color:#a00}code{background:#eee;padding:0 .2rem}
form{display:inline-block;margin-right:.5rem}button{font-size:1rem;padding:.4rem 1.2rem}`

// errorPage is what Salesforce shows instead of redirecting when it cannot
// trust the callback (unknown client, callback mismatch). The pages are parsed
// on first use, not at package init: sfconnect-cli links the simulator for
// demo and simulate, and every other command would pay for them at start.
var errorPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>OAuth Error | OAuth エラー</title>
<style>` + pageStyle + `</style></head><body><main>
<p class="sim">Salesforce simulator (sfsim), not a real Salesforce org / Salesforce シミュレーター (sfsim)</p>
<h1>OAuth Error</h1>
<p>We can't authorize you because of an OAuth error.</p>
<p class="ja">OAuth エラーのため、認証できませんでした。</p>
<p><code id="error">error={{.Code}}</code><br><code id="error_description">error_description={{.Description}}</code></p>
<p>{{.En}}</p>
<p class="ja">{{.Ja}}</p>
</main></body></html>
`))
})

// errorTexts explains the page errors in both languages the product supports.
var errorTexts = map[string][2]string{
	"invalid_client_id": {
		"The client ID (consumer key) is not known to this org. A new External Client App can take 2 to 10 minutes, sometimes longer, before it can be used.",
		"このクライアントID（コンシューマー鍵）はこの組織に登録されていません。新しく作成した外部クライアントアプリケーションは、利用できるようになるまで 2～10 分（場合によってはそれ以上）かかることがあります。",
	},
	"redirect_uri_mismatch": {
		"The redirect_uri does not exactly match a callback URL of the app (scheme, host, port, path and trailing slash must all be identical).",
		"redirect_uri がアプリケーションのコールバックURLと完全に一致しません（スキーム、ホスト、ポート、パス、末尾のスラッシュまで同一である必要があります）。",
	},
	"invalid_request": {
		"The request is missing a parameter or was already used.",
		"リクエストのパラメーターが不足しているか、すでに使用されています。",
	},
}

// writeErrorPage answers 400 with Salesforce's own error page.
func writeErrorPage(w http.ResponseWriter, code, description string) {
	t := errorTexts[code]
	var buf bytes.Buffer
	_ = errorPage().Execute(&buf, map[string]string{
		"Code": code, "Description": description, "En": t[0], "Ja": t[1],
	})
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write(buf.Bytes())
}

// consentPage asks the signed-in user to allow the app. The button IDs are
// those of Salesforce's real page (oaapprove / oadeny), so browser tests can
// target them.
var consentPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("consent").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Allow Access? | アクセスを許可しますか？</title>
<style>` + pageStyle + `</style></head><body><main>
<p class="sim">Salesforce simulator (sfsim), demo data only / Salesforce シミュレーター (sfsim)、デモ用データのみ</p>
<h1>Allow Access? <span class="ja">アクセスを許可しますか？</span></h1>
<p>Logged in as <b id="username">{{.Username}}</b><br><span class="ja">ログイン中のユーザー: {{.Username}}</span></p>
<p><b id="app">{{.App}}</b> is asking to:<br><span class="ja">{{.App}} が次の操作を求めています:</span></p>
<ul id="scopes">
{{- range .Scopes}}
<li>{{index . 0}}<br><span class="ja">{{index . 1}}</span></li>
{{- end}}
</ul>
<p>Do you want to allow access for {{.Username}}?<br><span class="ja">{{.Username}} へのアクセスを許可しますか？</span></p>
<form id="approve" method="post" action="/services/oauth2/authorize">
<input type="hidden" name="form_token" value="{{.Token}}"><input type="hidden" name="action" value="allow">
<button type="submit" id="oaapprove">Allow / 許可</button></form>
<form id="deny" method="post" action="/services/oauth2/authorize">
<input type="hidden" name="form_token" value="{{.Token}}"><input type="hidden" name="action" value="deny">
<button type="submit" id="oadeny">Deny / 拒否</button></form>
</main></body></html>
`))
})

// scopeTexts are the consent page's descriptions of each scope (English as
// on Salesforce's approval page; Japanese as in Salesforce's Japanese setup UI).
var scopeTexts = map[string][2]string{
	"api":           {"Access and manage your data (api)", "API を使用してユーザーデータを管理 (api)"},
	"refresh_token": {"Perform requests at any time (refresh_token, offline_access)", "いつでも要求を実行 (refresh_token, offline_access)"},
	"id":            {"Access the identity URL service (id, profile, email, address, phone)", "ID URL サービスにアクセス (id, profile, email, address, phone)"},
	"openid":        {"Access unique user identifiers (openid)", "一意のユーザー識別子にアクセス (openid)"},
	"full":          {"Full access (full)", "フルアクセス (full)"},
}

// writeConsentPage renders the approval page for req, tied to a form token.
func writeConsentPage(w http.ResponseWriter, app, username, token string, scopes []string) {
	var lines [][2]string
	for _, sc := range scopes {
		if t, ok := scopeTexts[sc]; ok {
			lines = append(lines, t)
		} else {
			lines = append(lines, [2]string{sc, sc})
		}
	}
	var buf bytes.Buffer
	_ = consentPage().Execute(&buf, map[string]any{
		"App": app, "Username": username, "Token": token, "Scopes": lines,
	})
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// outagePage is the HTML a load balancer serves during an outage: callers
// must not try to parse it as JSON.
const outagePage = `<!DOCTYPE html>
<html><head><title>503 Service Unavailable</title></head><body>
<h1>Service Unavailable</h1>
<p>The server is temporarily unable to service your request. Please try again later. (sfsim simulated outage)</p>
</body></html>
`

// writeOutage answers 503 with a non-JSON body.
func writeOutage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html")
	w.Header().Set("Retry-After", "1")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(outagePage))
}

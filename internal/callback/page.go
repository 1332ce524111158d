package callback

import (
	"errors"
	"html"
	"net/http"
	"strings"
)

// PageMessage tells what the browser page should say for a callback outcome:
// the HTTP status and the translation key of its one line. A Config.Page
// that renders translated text can start from it.
func PageMessage(r Result, err error) (status int, key string) {
	switch {
	case err == nil && r.Error == "" && r.Code != "":
		return http.StatusOK, "callback.page.success"
	case err == nil && r.Error != "":
		return http.StatusBadRequest, "callback.page.denied"
	case errors.Is(err, ErrAlreadyCompleted):
		return http.StatusOK, "callback.page.already_completed"
	case errors.Is(err, ErrStateMismatch):
		return http.StatusBadRequest, "callback.page.state_mismatch"
	case errors.Is(err, ErrNotCallback):
		return http.StatusBadRequest, "callback.page.not_callback"
	default:
		return http.StatusBadRequest, "callback.page.failed"
	}
}

// builtinText holds the built-in page's lines in both languages, because the
// page is shown before anyone knows the browser's language. The texts equal
// assets/i18n/{ja,en}/callback.json (a test keeps them in sync); this
// package cannot import the translations without breaking the import rules.
var builtinText = map[string][2]string{ // key -> {ja, en}
	"callback.page.success": {
		"サインインが完了しました。このウィンドウを閉じて sfconnect に戻ってください。",
		"Sign-in complete. You can close this window and return to sfconnect.",
	},
	"callback.page.already_completed": {
		"このサインインはすでに完了しています。このウィンドウは閉じてかまいません。",
		"This sign-in was already completed. You can close this window.",
	},
	"callback.page.denied": {
		"サインインは完了しませんでした（アクセスが拒否されたか、エラーが発生しました）。詳しくは sfconnect の画面をご確認ください。",
		"Sign-in was not completed: access was denied or an error occurred. See sfconnect for details.",
	},
	"callback.page.state_mismatch": {
		"この応答は現在のサインイン操作のものではないため、無視しました。sfconnect は引き続き待機しています。sfconnect が開いたブラウザーのウィンドウでサインインを完了し、このウィンドウは閉じてください。",
		"This response does not belong to the current sign-in attempt and was ignored. sfconnect is still waiting: finish the sign-in in the browser window that sfconnect opened, then close this one.",
	},
	"callback.page.not_callback": {
		"このアドレスはサインインの応答を待機しています。このページで操作する必要はありません。",
		"This address is waiting for a sign-in response. There is nothing to do on this page.",
	},
	"callback.page.failed": {
		"サインインを完了できませんでした。詳しくは sfconnect の画面をご確認ください。",
		"Sign-in could not be completed. See sfconnect for details.",
	},
}

const pageStyle = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:3em auto;" +
	"max-width:40em;padding:0 1em;line-height:1.6;color:#1b1b1b}p{margin:0 0 1em}"

// BuiltinPage is the page used when Config.Page is nil: one line in Japanese
// and English, never anything from the request (no code, state or error
// text from the URL).
func BuiltinPage(r Result, err error) (status int, body []byte) {
	status, key := PageMessage(r, err)
	text := builtinText[key]
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="ja"><head><meta charset="utf-8">`)
	b.WriteString(`<meta name="viewport" content="width=device-width,initial-scale=1">`)
	b.WriteString(`<title>sfconnect</title><style>` + pageStyle + `</style></head><body><main>`)
	b.WriteString(`<p lang="ja">` + html.EscapeString(text[0]) + `</p>`)
	b.WriteString(`<p lang="en">` + html.EscapeString(text[1]) + `</p>`)
	b.WriteString("</main></body></html>\n")
	return status, []byte(b.String())
}

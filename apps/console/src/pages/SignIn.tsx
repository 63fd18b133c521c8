// Sign-in: the board's own sign-in form endpoint (POST /admin/queues/login, a
// plain form, so no script handles the key), which starts the session both
// surfaces share and sends the browser back here (`next`). Integration keys
// are refused there, as on the board.
export function SignIn() {
  const next = `${window.location.pathname}${window.location.search}`;
  return (
    <main id="main" className="signin">
      <h1>Opsdeck console</h1>
      <p>Sign in with an API key (ops or viewer). The same sign-in opens Bull Board.</p>
      <form method="post" action="/admin/queues/login">
        <label htmlFor="api_key">API key</label>
        <input id="api_key" name="api_key" type="password" autoComplete="off" required spellCheck={false} />
        <input type="hidden" name="next" value={next.startsWith("/console") ? next : "/console/"} />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

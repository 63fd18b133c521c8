// Routes of the console (under /console; every filter lives in the URL's
// search params so a link can be pasted into an incident channel), behind the
// sign-in session.
import { Route, Switch } from "wouter";

import { isSignedOut, useSession } from "./api";
import { Layout } from "./components/Layout";
import { ErrorState, Loading } from "./components/States";
import { Alerts } from "./pages/Alerts";
import { Audit } from "./pages/Audit";
import { Email } from "./pages/Email";
import { JobDetail } from "./pages/JobDetail";
import { Jobs } from "./pages/Jobs";
import { Keys } from "./pages/Keys";
import { Logs } from "./pages/Logs";
import { Overview } from "./pages/Overview";
import { QueuePage } from "./pages/Queue";
import { SignIn } from "./pages/SignIn";

/** wouter decodes paths with decodeURI, which leaves reserved characters (%2F, %3A…) escaped. */
function param(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function App() {
  const session = useSession();
  if (session.isPending) return <Loading what="your session" />;
  if (session.error) {
    if (isSignedOut(session.error)) return <SignIn />;
    return (
      <main id="main">
        <ErrorState error={session.error} retry={() => void session.refetch()} />
      </main>
    );
  }
  return (
    <Layout session={session.data}>
      <Switch>
        <Route path="/">
          <Overview />
        </Route>
        <Route path="/jobs">
          <Jobs />
        </Route>
        <Route path="/queues/:queue/jobs/:id">
          {(p) => (
            <JobDetail key={`${p.queue}/${p.id}`} queue={param(p.queue)} id={param(p.id)} session={session.data} />
          )}
        </Route>
        <Route path="/queues/:queue">
          {(p) => <QueuePage key={p.queue} name={param(p.queue)} session={session.data} />}
        </Route>
        <Route path="/logs">
          <Logs session={session.data} />
        </Route>
        <Route path="/alerts">
          <Alerts session={session.data} />
        </Route>
        <Route path="/email">
          <Email session={session.data} />
        </Route>
        <Route path="/audit">
          <Audit />
        </Route>
        <Route path="/keys">
          <Keys session={session.data} />
        </Route>
        <Route>
          <h1>Not found</h1>
          <p>This page does not exist in the console.</p>
        </Route>
      </Switch>
    </Layout>
  );
}

// Routes of the console (under /console; every filter lives in the URL's
// search params so a link can be pasted into an incident channel), behind the
// sign-in session. The overview, jobs and logs pages are in the first bundle
// (where people land and what they wait on); the others load on first visit.
import { lazy, type ReactNode, Suspense } from "react";
import { Route, Switch } from "wouter";

import { isSignedOut, useSession } from "./api";
import { Layout } from "./components/Layout";
import { ErrorState, Loading } from "./components/States";
import { Jobs } from "./pages/Jobs";
import { Logs } from "./pages/Logs";
import { Overview } from "./pages/Overview";
import { SignIn } from "./pages/SignIn";

const Alerts = lazy(() => import("./pages/Alerts").then((m) => ({ default: m.Alerts })));
const Audit = lazy(() => import("./pages/Audit").then((m) => ({ default: m.Audit })));
const Email = lazy(() => import("./pages/Email").then((m) => ({ default: m.Email })));
const JobDetail = lazy(() => import("./pages/JobDetail").then((m) => ({ default: m.JobDetail })));
const Keys = lazy(() => import("./pages/Keys").then((m) => ({ default: m.Keys })));
const QueuePage = lazy(() => import("./pages/Queue").then((m) => ({ default: m.QueuePage })));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="the page" />}>{children}</Suspense>;
}

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
      <Later>
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
      </Later>
    </Layout>
  );
}

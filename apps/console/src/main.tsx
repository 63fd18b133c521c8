import "./styles.css";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Router } from "wouter";

import { App } from "./App";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An API error is shown as it is; one retry covers a blip, not a 4xx.
      retry: (count, err) => count < 1 && !(err instanceof Error && "status" in err && Number(err.status) < 500),
      refetchOnWindowFocus: true,
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Router base="/console">
        <App />
      </Router>
    </QueryClientProvider>
  </StrictMode>,
);

// Mutations with the API's answer shown: a pending state on the button, and
// the API's error message and request id when it refuses (403, 409, 429…).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { ErrorState } from "./States";

export function useAction<T>(run: () => Promise<T>, invalidate: string[][]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export function ActionButton({
  onClick,
  pending,
  children,
  kind,
}: {
  onClick: () => void;
  pending: boolean;
  children: ReactNode;
  kind?: "primary" | "danger";
}) {
  return (
    <button type="button" className={kind} onClick={onClick} disabled={pending} aria-busy={pending}>
      {children}
    </button>
  );
}

export function ActionError({ error }: { error: unknown }) {
  return error ? <ErrorState error={error} /> : null;
}

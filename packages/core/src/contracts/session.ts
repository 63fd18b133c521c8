// Who is calling: the key behind a request, and for a browser sign-in session
// (Bull Board and the console share one) the token its writes must carry.
import { z } from "zod";

import { Permission, Role } from "../permissions";

export const SessionView = z.object({
  key_id: z.string(),
  key_name: z.string(),
  role: Role,
  permissions: z.array(Permission).describe("Effective permissions: what the caller may do"),
  via: z.enum(["key", "session"]).describe("How the call was authenticated: an API key, or a browser sign-in session"),
  csrf_token: z
    .string()
    .nullable()
    .describe("For a session: send it as X-CSRF-Token on every write. Null for a key, which needs none."),
  expires_at: z.string().nullable().describe("When the session ends (a key: when the key expires, if ever)"),
});
export type SessionView = z.infer<typeof SessionView>;

/** `s` as a literal inside a LIKE / ILIKE pattern: its wildcards (%, _) and the escape character (\) escaped. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

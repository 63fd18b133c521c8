// A queue's or a service's status as the API states it: colour plus the word,
// so it reads without colour too.
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}

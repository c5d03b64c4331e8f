const UNITS: [limitSeconds: number, seconds: number, unit: string][] = [
  [3600, 60, "min"],
  [86_400, 3600, "h"],
  [Number.POSITIVE_INFINITY, 86_400, "d"],
];

/** "just now", "5 min ago", "3 h ago", "12 d ago": enough to see who is still at work. */
export function timeAgo(then: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return "just now";
  for (const [limit, size, unit] of UNITS) {
    if (seconds < limit) return `${Math.floor(seconds / size)} ${unit} ago`;
  }
  return then.toISOString().slice(0, 10);
}

export const percent = (x: number | null | undefined) => (x == null ? "–" : `${(100 * x).toFixed(1)}%`);
export const decimal = (x: number | null | undefined) => (x == null ? "–" : x.toFixed(3));
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

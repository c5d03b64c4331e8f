export * from "./bootstrap";
export * from "./ceiling";
export * from "./coefficients";
export * from "./estimate";
export * from "./leaderboard";
export * from "./report";
export * from "./tally";
export * from "./votes";

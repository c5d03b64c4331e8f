export * from "./bootstrap";
export * from "./ceiling";
export * from "./estimate";
export * from "./tally";
export * from "./votes";

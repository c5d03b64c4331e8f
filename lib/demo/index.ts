export { exposureProblem, isLoopback } from "./exposure";
export { demoAccountsOnDemoPassword, lockDemoAccounts } from "./lock";
export { DEMO_PASSWORD, type DemoLogin, seedDemo } from "./seed";

export { DEMO_PASSWORD, type DemoLogin, seedDemo } from "./seed";

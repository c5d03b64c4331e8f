export { trlPreferenceLines } from "./trl";

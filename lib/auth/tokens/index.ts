export { LAST_USED_EVERY_MS, type TokenCaller, tokenCaller } from "./authenticate";
export {
  createToken,
  listTokens,
  MAX_TOKEN_DAYS,
  type NewToken,
  newTokenSchema,
  revokeToken,
  type TokenView,
  tokenViewSchema,
} from "./manage";
export { hashTokenSecret, TOKEN_PREFIX } from "./secret";

export { createUser, type NewUser, newUserSchema } from "./create";
export { joinWithEmail, joinWithEmailSchema } from "./join";
export { listUsers } from "./list";

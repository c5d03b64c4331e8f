export { createUser, emailSchema, type NewUser, newUserSchema } from "./create";
export { joinWithEmail, joinWithEmailSchema } from "./join";
export { listUsers } from "./list";
export { changeUser, resetPassword, type UserChange, userChangeSchema } from "./manage";

export { createProject, inviteCode } from "./create";
export { addMember, joinWithWorkerId } from "./join";
export { forgetProject, projectBySlug, requireProjectAccess } from "./lookup";
export { type NewProject, newProjectSchema, type ProjectSettings, projectSettingsSchema } from "./settings";

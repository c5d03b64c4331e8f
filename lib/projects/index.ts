export { createProject, inviteCode } from "./create";
export { projectByInviteCode } from "./invite";
export { addMember, joinWithWorkerId, setMemberExcluded } from "./join";
export { listProjects, listProjectsForAdmin } from "./list";
export { forgetProject, openProject, type ProjectAccess, projectBySlug, requireProjectAccess } from "./lookup";
export { type NewProject, newProjectSchema, type ProjectSettings, projectSettingsSchema } from "./settings";

export { completionCodesCsv } from "./completion-codes";
export { createProject, inviteCode } from "./create";
export { currentInviteCode, projectByInviteCode, rotateInviteCode } from "./invite";
export { inviteUrl } from "./invite-url";
export { addMember, joinByInvite, joinWithWorkerId, setMemberExcluded } from "./join";
export { listProjects, listProjectsForAdmin } from "./list";
export {
  forgetMembership,
  forgetProject,
  openProject,
  type ProjectAccess,
  projectBySlug,
  requireProjectAccess,
} from "./lookup";
export { addMemberByEmail, listMembers, type MemberStatus, type ProjectMember, removeMember } from "./members";
export { type NewProject, newProjectSchema, type ProjectSettings, projectSettingsSchema } from "./settings";

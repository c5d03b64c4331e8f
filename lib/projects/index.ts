export { deleteProject, setArchived } from "./archive";
export { completionCodesCsv } from "./completion-codes";
export { createProject, inviteCode } from "./create";
export { currentInviteCode, projectByInviteCode, rotateInviteCode } from "./invite";
export { inviteUrl } from "./invite-url";
export { addMember, joinByInvite, joinWithWorkerId } from "./join";
export { listProjects, listProjectsForAdmin } from "./list";
export {
  forgetMembership,
  forgetProject,
  freshProjectBySlug,
  openProject,
  type ProjectAccess,
  projectBySlug,
  requireProjectAccess,
} from "./lookup";
export { addMemberByEmail, listMembers, type MemberStatus, type ProjectMember, removeMember } from "./members";
export { fieldLabel, SETTING_FIELDS, SETTING_GROUPS, type SettingField, settingsFromForm } from "./setting-fields";
export { parseSettings, type SettingProblem, settingProblems } from "./setting-problems";
export {
  type NewProject,
  newProjectSchema,
  type ProjectSettings,
  SETTING_DEFAULTS,
  SETTING_KEYS,
  type SettingKey,
  settingsPatchSchema,
} from "./settings";
export { updateSettings } from "./update";

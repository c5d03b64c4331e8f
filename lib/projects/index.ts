export { deleteProject, setArchived } from "./archive";
export { createProject, inviteCode } from "./create";
export { projectByInviteCode } from "./invite";
export { addMember, joinWithWorkerId, setMemberExcluded } from "./join";
export { listProjects, listProjectsForAdmin } from "./list";
export {
  forgetProject,
  freshProjectBySlug,
  openProject,
  type ProjectAccess,
  projectBySlug,
  requireProjectAccess,
} from "./lookup";
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
